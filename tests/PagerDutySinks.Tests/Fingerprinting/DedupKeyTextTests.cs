using System.Linq;
using PagerDutySinks.Fingerprinting;

namespace PagerDutySinks.Tests.Fingerprinting;

public sealed class DedupKeyTextTests
{
    private const string Hash = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void Long_names_are_capped_keeping_their_most_specific_end()
    {
        var longType = new string('T', 300) + "Exception";
        var longFrame = string.Join('.', Enumerable.Repeat("VeryLongNamespaceSegment", 20)) + ".Checkout.Place";

        var key = DedupKeyText.ForException(longType, longFrame, Hash);

        Assert.True(key.Length <= 255, key);
        FingerprintAssert.WellFormedExceptionKey(key);
        Assert.EndsWith(".Checkout.Place|" + Hash, key);
        Assert.Contains("~", key);
    }

    [Fact]
    public void Separators_and_control_characters_cannot_break_the_key()
    {
        var key = DedupKeyText.ForException("Bad|Type", "Ns.Type.M|x\n", Hash);

        Assert.Equal("v1|Bad_Type|Ns.Type.M_x_|" + Hash, key);
    }

    [Fact]
    public void Capping_never_splits_a_surrogate_pair()
    {
        var category = new string('a', 10) + string.Concat(Enumerable.Repeat("\U0001F600", 200));

        var key = DedupKeyText.ForTemplate(category, Hash);

        Assert.True(key.Length <= 255);
        Assert.False(char.IsLowSurrogate(key["v1|tmpl|~".Length]));
    }
}
