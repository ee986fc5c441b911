using System;

namespace Quickstart;

internal sealed record QuickstartSettings(int Events, TimeSpan Duration, int RateLimitPerMinute, bool KeepEmulator);
