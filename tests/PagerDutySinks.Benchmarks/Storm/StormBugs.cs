using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Storm.Shop;

// One hundred distinct bugs (ten exception types from ten call sites each), so a storm has 100 real signatures.
internal static class StormBugs
{
    public const int Count = 100;

    public static Exception[] CaptureAll()
    {
        var captured = new Exception[Count];
        captured[0] = Capture(Bug00);
        captured[1] = Capture(Bug01);
        captured[2] = Capture(Bug02);
        captured[3] = Capture(Bug03);
        captured[4] = Capture(Bug04);
        captured[5] = Capture(Bug05);
        captured[6] = Capture(Bug06);
        captured[7] = Capture(Bug07);
        captured[8] = Capture(Bug08);
        captured[9] = Capture(Bug09);
        captured[10] = Capture(Bug10);
        captured[11] = Capture(Bug11);
        captured[12] = Capture(Bug12);
        captured[13] = Capture(Bug13);
        captured[14] = Capture(Bug14);
        captured[15] = Capture(Bug15);
        captured[16] = Capture(Bug16);
        captured[17] = Capture(Bug17);
        captured[18] = Capture(Bug18);
        captured[19] = Capture(Bug19);
        captured[20] = Capture(Bug20);
        captured[21] = Capture(Bug21);
        captured[22] = Capture(Bug22);
        captured[23] = Capture(Bug23);
        captured[24] = Capture(Bug24);
        captured[25] = Capture(Bug25);
        captured[26] = Capture(Bug26);
        captured[27] = Capture(Bug27);
        captured[28] = Capture(Bug28);
        captured[29] = Capture(Bug29);
        captured[30] = Capture(Bug30);
        captured[31] = Capture(Bug31);
        captured[32] = Capture(Bug32);
        captured[33] = Capture(Bug33);
        captured[34] = Capture(Bug34);
        captured[35] = Capture(Bug35);
        captured[36] = Capture(Bug36);
        captured[37] = Capture(Bug37);
        captured[38] = Capture(Bug38);
        captured[39] = Capture(Bug39);
        captured[40] = Capture(Bug40);
        captured[41] = Capture(Bug41);
        captured[42] = Capture(Bug42);
        captured[43] = Capture(Bug43);
        captured[44] = Capture(Bug44);
        captured[45] = Capture(Bug45);
        captured[46] = Capture(Bug46);
        captured[47] = Capture(Bug47);
        captured[48] = Capture(Bug48);
        captured[49] = Capture(Bug49);
        captured[50] = Capture(Bug50);
        captured[51] = Capture(Bug51);
        captured[52] = Capture(Bug52);
        captured[53] = Capture(Bug53);
        captured[54] = Capture(Bug54);
        captured[55] = Capture(Bug55);
        captured[56] = Capture(Bug56);
        captured[57] = Capture(Bug57);
        captured[58] = Capture(Bug58);
        captured[59] = Capture(Bug59);
        captured[60] = Capture(Bug60);
        captured[61] = Capture(Bug61);
        captured[62] = Capture(Bug62);
        captured[63] = Capture(Bug63);
        captured[64] = Capture(Bug64);
        captured[65] = Capture(Bug65);
        captured[66] = Capture(Bug66);
        captured[67] = Capture(Bug67);
        captured[68] = Capture(Bug68);
        captured[69] = Capture(Bug69);
        captured[70] = Capture(Bug70);
        captured[71] = Capture(Bug71);
        captured[72] = Capture(Bug72);
        captured[73] = Capture(Bug73);
        captured[74] = Capture(Bug74);
        captured[75] = Capture(Bug75);
        captured[76] = Capture(Bug76);
        captured[77] = Capture(Bug77);
        captured[78] = Capture(Bug78);
        captured[79] = Capture(Bug79);
        captured[80] = Capture(Bug80);
        captured[81] = Capture(Bug81);
        captured[82] = Capture(Bug82);
        captured[83] = Capture(Bug83);
        captured[84] = Capture(Bug84);
        captured[85] = Capture(Bug85);
        captured[86] = Capture(Bug86);
        captured[87] = Capture(Bug87);
        captured[88] = Capture(Bug88);
        captured[89] = Capture(Bug89);
        captured[90] = Capture(Bug90);
        captured[91] = Capture(Bug91);
        captured[92] = Capture(Bug92);
        captured[93] = Capture(Bug93);
        captured[94] = Capture(Bug94);
        captured[95] = Capture(Bug95);
        captured[96] = Capture(Bug96);
        captured[97] = Capture(Bug97);
        captured[98] = Capture(Bug98);
        captured[99] = Capture(Bug99);
        return captured;
    }

    private static Exception Capture(Action bug)
    {
        try
        {
            bug();
        }
        catch (Exception e)
        {
            return e;
        }

        throw new InvalidOperationException("The bug did not throw.");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug00() => throw new InvalidOperationException("Storm bug 00 in site 0");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug01() => throw new ArgumentException("Storm bug 01 in site 0");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug02() => throw new TimeoutException("Storm bug 02 in site 0");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug03() => throw new NotSupportedException("Storm bug 03 in site 0");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug04() => throw new FormatException("Storm bug 04 in site 0");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug05() => throw new System.Collections.Generic.KeyNotFoundException("Storm bug 05 in site 0");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug06() => throw new IndexOutOfRangeException("Storm bug 06 in site 0");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug07() => throw new UnauthorizedAccessException("Storm bug 07 in site 0");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug08() => throw new InvalidCastException("Storm bug 08 in site 0");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug09() => throw new ObjectDisposedException("Storm bug 09 in site 0");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug10() => throw new InvalidOperationException("Storm bug 10 in site 1");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug11() => throw new ArgumentException("Storm bug 11 in site 1");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug12() => throw new TimeoutException("Storm bug 12 in site 1");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug13() => throw new NotSupportedException("Storm bug 13 in site 1");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug14() => throw new FormatException("Storm bug 14 in site 1");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug15() => throw new System.Collections.Generic.KeyNotFoundException("Storm bug 15 in site 1");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug16() => throw new IndexOutOfRangeException("Storm bug 16 in site 1");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug17() => throw new UnauthorizedAccessException("Storm bug 17 in site 1");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug18() => throw new InvalidCastException("Storm bug 18 in site 1");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug19() => throw new ObjectDisposedException("Storm bug 19 in site 1");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug20() => throw new InvalidOperationException("Storm bug 20 in site 2");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug21() => throw new ArgumentException("Storm bug 21 in site 2");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug22() => throw new TimeoutException("Storm bug 22 in site 2");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug23() => throw new NotSupportedException("Storm bug 23 in site 2");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug24() => throw new FormatException("Storm bug 24 in site 2");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug25() => throw new System.Collections.Generic.KeyNotFoundException("Storm bug 25 in site 2");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug26() => throw new IndexOutOfRangeException("Storm bug 26 in site 2");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug27() => throw new UnauthorizedAccessException("Storm bug 27 in site 2");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug28() => throw new InvalidCastException("Storm bug 28 in site 2");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug29() => throw new ObjectDisposedException("Storm bug 29 in site 2");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug30() => throw new InvalidOperationException("Storm bug 30 in site 3");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug31() => throw new ArgumentException("Storm bug 31 in site 3");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug32() => throw new TimeoutException("Storm bug 32 in site 3");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug33() => throw new NotSupportedException("Storm bug 33 in site 3");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug34() => throw new FormatException("Storm bug 34 in site 3");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug35() => throw new System.Collections.Generic.KeyNotFoundException("Storm bug 35 in site 3");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug36() => throw new IndexOutOfRangeException("Storm bug 36 in site 3");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug37() => throw new UnauthorizedAccessException("Storm bug 37 in site 3");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug38() => throw new InvalidCastException("Storm bug 38 in site 3");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug39() => throw new ObjectDisposedException("Storm bug 39 in site 3");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug40() => throw new InvalidOperationException("Storm bug 40 in site 4");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug41() => throw new ArgumentException("Storm bug 41 in site 4");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug42() => throw new TimeoutException("Storm bug 42 in site 4");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug43() => throw new NotSupportedException("Storm bug 43 in site 4");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug44() => throw new FormatException("Storm bug 44 in site 4");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug45() => throw new System.Collections.Generic.KeyNotFoundException("Storm bug 45 in site 4");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug46() => throw new IndexOutOfRangeException("Storm bug 46 in site 4");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug47() => throw new UnauthorizedAccessException("Storm bug 47 in site 4");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug48() => throw new InvalidCastException("Storm bug 48 in site 4");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug49() => throw new ObjectDisposedException("Storm bug 49 in site 4");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug50() => throw new InvalidOperationException("Storm bug 50 in site 5");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug51() => throw new ArgumentException("Storm bug 51 in site 5");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug52() => throw new TimeoutException("Storm bug 52 in site 5");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug53() => throw new NotSupportedException("Storm bug 53 in site 5");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug54() => throw new FormatException("Storm bug 54 in site 5");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug55() => throw new System.Collections.Generic.KeyNotFoundException("Storm bug 55 in site 5");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug56() => throw new IndexOutOfRangeException("Storm bug 56 in site 5");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug57() => throw new UnauthorizedAccessException("Storm bug 57 in site 5");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug58() => throw new InvalidCastException("Storm bug 58 in site 5");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug59() => throw new ObjectDisposedException("Storm bug 59 in site 5");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug60() => throw new InvalidOperationException("Storm bug 60 in site 6");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug61() => throw new ArgumentException("Storm bug 61 in site 6");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug62() => throw new TimeoutException("Storm bug 62 in site 6");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug63() => throw new NotSupportedException("Storm bug 63 in site 6");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug64() => throw new FormatException("Storm bug 64 in site 6");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug65() => throw new System.Collections.Generic.KeyNotFoundException("Storm bug 65 in site 6");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug66() => throw new IndexOutOfRangeException("Storm bug 66 in site 6");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug67() => throw new UnauthorizedAccessException("Storm bug 67 in site 6");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug68() => throw new InvalidCastException("Storm bug 68 in site 6");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug69() => throw new ObjectDisposedException("Storm bug 69 in site 6");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug70() => throw new InvalidOperationException("Storm bug 70 in site 7");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug71() => throw new ArgumentException("Storm bug 71 in site 7");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug72() => throw new TimeoutException("Storm bug 72 in site 7");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug73() => throw new NotSupportedException("Storm bug 73 in site 7");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug74() => throw new FormatException("Storm bug 74 in site 7");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug75() => throw new System.Collections.Generic.KeyNotFoundException("Storm bug 75 in site 7");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug76() => throw new IndexOutOfRangeException("Storm bug 76 in site 7");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug77() => throw new UnauthorizedAccessException("Storm bug 77 in site 7");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug78() => throw new InvalidCastException("Storm bug 78 in site 7");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug79() => throw new ObjectDisposedException("Storm bug 79 in site 7");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug80() => throw new InvalidOperationException("Storm bug 80 in site 8");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug81() => throw new ArgumentException("Storm bug 81 in site 8");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug82() => throw new TimeoutException("Storm bug 82 in site 8");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug83() => throw new NotSupportedException("Storm bug 83 in site 8");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug84() => throw new FormatException("Storm bug 84 in site 8");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug85() => throw new System.Collections.Generic.KeyNotFoundException("Storm bug 85 in site 8");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug86() => throw new IndexOutOfRangeException("Storm bug 86 in site 8");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug87() => throw new UnauthorizedAccessException("Storm bug 87 in site 8");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug88() => throw new InvalidCastException("Storm bug 88 in site 8");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug89() => throw new ObjectDisposedException("Storm bug 89 in site 8");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug90() => throw new InvalidOperationException("Storm bug 90 in site 9");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug91() => throw new ArgumentException("Storm bug 91 in site 9");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug92() => throw new TimeoutException("Storm bug 92 in site 9");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug93() => throw new NotSupportedException("Storm bug 93 in site 9");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug94() => throw new FormatException("Storm bug 94 in site 9");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug95() => throw new System.Collections.Generic.KeyNotFoundException("Storm bug 95 in site 9");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug96() => throw new IndexOutOfRangeException("Storm bug 96 in site 9");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug97() => throw new UnauthorizedAccessException("Storm bug 97 in site 9");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug98() => throw new InvalidCastException("Storm bug 98 in site 9");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bug99() => throw new ObjectDisposedException("Storm bug 99 in site 9");
}
