// Prints `name=dedupKey` for every sample bug. Arguments:
//   --warm        run every bug many times first, so the JIT tiers the code up (Tier-1, PGO, inlining) before the
//                 printed keys are computed; a bug whose key changed along the way prints all its keys joined by ';'.
//   --signatures  also print each readable signature (frames joined by " > ") after a tab, for investigation.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using PagerDutySinks.Fingerprinting;
using PagerDutySinks.FingerprintProbe;

var warm = args.Contains("--warm");
var signatures = args.Contains("--signatures");
var fingerprinter = new ExceptionFingerprinter();
var keys = SampleBugs.All.ToDictionary(b => b.Name, _ => new List<string>());
var last = new Dictionary<string, Fingerprint>();

var rounds = warm ? 400 : 1;
for (var round = 0; round < rounds; round++)
{
    foreach (var bug in SampleBugs.All)
    {
        var fingerprint = fingerprinter.Compute(bug.Capture());
        if (!keys[bug.Name].Contains(fingerprint.DedupKey))
        {
            keys[bug.Name].Add(fingerprint.DedupKey);
        }

        last[bug.Name] = fingerprint;
    }

    // Tier-1 code is compiled on a background thread after a short delay; give it the chance to be installed.
    if (warm && round % 20 == 19)
    {
        Thread.Sleep(15);
    }
}

foreach (var bug in SampleBugs.All)
{
    var line = bug.Name + "=" + string.Join(";", keys[bug.Name]);
    if (signatures)
    {
        line += "\t" + last[bug.Name].Signature.Replace("\n", " > ", StringComparison.Ordinal);
    }

    Console.WriteLine(line);
}

return 0;
