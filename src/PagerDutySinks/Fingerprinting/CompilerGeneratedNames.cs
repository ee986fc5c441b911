using System;

namespace PagerDutySinks.Fingerprinting;

// Turns the C# compiler's generated member and type names into the source-level names a developer wrote, dropping
// the ordinals (`d__5`, `b__0_0`, `|3_0`) that change whenever a method body is edited elsewhere in the type.
//   <Place>d__5          (async/iterator state machine)  -> Place
//   <Place>b__0_0        (lambda)                        -> Place{lambda}
//   <Place>g__Check|0_0  (local function)                -> Place.Check
//   <>c, <>c__DisplayClass0_0 (closure holders)          -> "" (use the enclosing type)
internal static class CompilerGeneratedNames
{
    public const string LambdaSuffix = "{lambda}";

    public static bool IsGenerated(string name) => name.Length > 0 && name[0] == '<';

    // Returns the source-level name, or "" for closure holders that have no name of their own. `owner` receives the
    // member a lambda or local function belongs to (`Place{lambda}` and `Place.Check` are owned by `Place`).
    public static string Normalize(string name, out string owner)
    {
        owner = "";
        if (!IsGenerated(name))
        {
            owner = StripArity(name);
            return owner;
        }

        var close = FindClosingBracket(name);
        if (close < 0)
        {
            owner = name;
            return name;
        }

        var inner = Normalize(name.Substring(1, close - 1), out owner);
        if (inner.Length == 0)
        {
            return "";
        }

        var rest = name.Substring(close + 1);
        if (rest.StartsWith("b__", StringComparison.Ordinal))
        {
            return inner.EndsWith(LambdaSuffix, StringComparison.Ordinal) ? inner : inner + LambdaSuffix;
        }

        if (rest.StartsWith("g__", StringComparison.Ordinal))
        {
            var local = rest.Substring(3);
            var bar = local.IndexOf('|');
            return inner + "." + (bar >= 0 ? local.Substring(0, bar) : local);
        }

        // `d__N` state machines and anything newer compilers invent: the enclosing member is what identifies the code.
        return inner;
    }

    public static string StripArity(string name)
    {
        var tick = name.IndexOf('`');
        return tick >= 0 ? name.Substring(0, tick) : name;
    }

    private static int FindClosingBracket(string name)
    {
        var depth = 0;
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] == '<')
            {
                depth++;
            }
            else if (name[i] == '>' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }
}
