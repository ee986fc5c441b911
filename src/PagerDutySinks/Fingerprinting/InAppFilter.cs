using System;
using System.Collections.Generic;
using System.Linq;

namespace PagerDutySinks.Fingerprinting;

// Decides by type-name prefix whether a frame is the application's code. An include match wins over an exclude match
// so `PagerDutySinks.Samples` can be in-app while `PagerDutySinks.` stays excluded.
internal sealed class InAppFilter
{
    private readonly string[] _include;
    private readonly string[] _exclude;

    public InAppFilter(IEnumerable<string> include, IEnumerable<string> exclude)
    {
        _include = include.Where(p => !string.IsNullOrEmpty(p)).ToArray();
        _exclude = exclude.Where(p => !string.IsNullOrEmpty(p)).ToArray();
    }

    public bool IsInApp(string typeName)
    {
        if (StartsWithAny(typeName, _include))
        {
            return true;
        }

        return _include.Length == 0 && !StartsWithAny(typeName, _exclude);
    }

    private static bool StartsWithAny(string typeName, string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (typeName.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
