using System.Collections.Generic;

namespace PagerDutySinks.Fingerprinting;

/// <summary>Which stack frames belong to the application and therefore identify a bug.</summary>
public sealed class FingerprintOptions
{
    /// <summary>
    /// Type-name prefixes of the application's own frames. A frame matching one of these is in-app even when it also
    /// matches <see cref="InAppExclude"/>. When empty, every frame not excluded is in-app.
    /// </summary>
    public IList<string> InAppInclude { get; } = new List<string>();

    /// <summary>Type-name prefixes of framework frames, left out of fingerprints.</summary>
    public IList<string> InAppExclude { get; } = new List<string>
    {
        "System.", "Microsoft.", "Serilog", "Polly", "PagerDutySinks.", "Xunit.", "xunit.",
    };

    /// <summary>How many top frames identify an exception that has no in-app frame at all (default 3).</summary>
    public int FallbackFrameCount { get; set; } = 3;
}
