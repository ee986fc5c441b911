using System;
using System.Threading;
using System.Threading.Tasks;
using PagerDutySinks.Fingerprinting;

namespace PagerDutySinks.Pipeline;

/// <summary>
/// Compiles the fingerprinting and send paths while the pipeline is idle, so the first alert of a process reaches
/// PagerDuty in milliseconds rather than after JIT compilation and a connection set-up.
/// </summary>
internal static class PipelineWarmUp
{
    public static Task RunAsync(PagerDutyClient client, CancellationToken cancellationToken) => Task.Run(
        async () =>
        {
            try
            {
                _ = new ExceptionFingerprinter().Compute(SampleException());
                await client.WarmUpAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Best effort only: a real alert reports real problems.
            }
        },
        cancellationToken);

    private static InvalidOperationException SampleException()
    {
        try
        {
            throw new InvalidOperationException("warm-up");
        }
        catch (InvalidOperationException e)
        {
            return e;
        }
    }
}
