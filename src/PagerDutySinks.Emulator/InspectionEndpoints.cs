using Microsoft.AspNetCore.Builder;

namespace PagerDutySinks.Emulator;

/// <summary>The inspection and control endpoints under <c>/api</c> and the page at <c>/</c>.</summary>
internal static class InspectionEndpoints
{
    public static void Map(WebApplication app, PagerDutyEmulator emulator)
    {
    }
}
