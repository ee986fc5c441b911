using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PagerDutySinks.Cli.Tests.Cli;

public sealed class EmulatorCommandTests
{
    [Fact]
    public async Task Emulator_command_serves_events_until_cancelled()
    {
        using var stdout = new LineSignallingWriter("Connection URL: ");
        using var stderr = new StringWriter();
        using var stop = new CancellationTokenSource();
        var running = CliApp.RunAsync(new[] { "emulator", "--port", "0", "--rate-limit", "5" }, stdout, stderr, _ => null, stop.Token);

        var hint = await stdout.Line.WaitAsync(TimeSpan.FromSeconds(30));
        var url = hint.Substring("Connection URL: ".Length).Trim();
        Assert.StartsWith("pagerduty://127.0.0.1:", url, StringComparison.Ordinal);
        Assert.Contains("listening on http://127.0.0.1:", stdout.ToString(), StringComparison.Ordinal);

        var send = await CliRun.RunAsync("send", "-u", url.Replace("0123456789abcdef0123456789abcdef", CliRun.Key, StringComparison.Ordinal), "-m", "via the emulator command");
        Assert.True(send.ExitCode == 0, send.ToString());
        Assert.NotEmpty(send.Stdout.Trim());

        await stop.CancelAsync();
        Assert.Equal(0, await running.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Theory]
    [InlineData("--port", "70000")]
    [InlineData("--rate-limit", "-1")]
    public async Task Emulator_command_refuses_bad_settings(string option, string value)
    {
        var run = await CliRun.RunAsync("emulator", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Completes <see cref="Line"/> with the first written line that starts with a prefix.</summary>
    private sealed class LineSignallingWriter : StringWriter
    {
        private readonly string _prefix;
        private readonly TaskCompletionSource<string> _line = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly StringBuilder _current = new();

        public LineSignallingWriter(string prefix) => _prefix = prefix;

        public Task<string> Line => _line.Task;

        public override void Write(char value)
        {
            base.Write(value);
            lock (_current)
            {
                if (value == '\n')
                {
                    var line = _current.ToString().TrimEnd('\r');
                    _current.Clear();
                    if (line.StartsWith(_prefix, StringComparison.Ordinal))
                    {
                        _line.TrySetResult(line);
                    }
                }
                else
                {
                    _current.Append(value);
                }
            }
        }

        public override void Write(string? value)
        {
            foreach (var c in value ?? "")
            {
                Write(c);
            }
        }

        public override void WriteLine(string? value)
        {
            Write(value);
            Write(Environment.NewLine);
        }
    }
}
