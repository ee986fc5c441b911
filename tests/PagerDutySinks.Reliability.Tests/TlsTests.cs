using System;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PagerDutySinks.Extensions.Logging;
using PagerDutySinks.Pipeline;
using PagerDutySinks.Reliability.Tests.Support;

namespace PagerDutySinks.Reliability.Tests;

/// <summary>Certificate validation is on by default: an https endpoint with an untrusted certificate never receives an event.</summary>
public sealed class TlsTests
{
    [Fact]
    public async Task Https_endpoint_with_an_untrusted_certificate_gets_no_request_and_the_failure_is_reported()
    {
        using var server = await UntrustedTlsServer.StartAsync();
        var clock = new FakeTimeProvider(Keys.ClockStart);
        var diagnostics = new DiagnosticLog();

        // No handler supplied: the provider's own default handler is what is under test.
        using var provider = new PagerDutyLoggerProvider(new PagerDutyLoggerOptions
        {
            RoutingKey = Keys.NewRoutingKey(),
            Endpoint = $"https://127.0.0.1:{server.Port}/",
            TimeProvider = clock,
            OnDiagnostic = diagnostics.Add,
            ShutdownTimeout = TimeSpan.FromSeconds(1),
        });
        provider.CreateLogger("Shop.Checkout").LogError("Payment failed");

        var flushed = await ClockDriver.WhileAsync(clock, provider.FlushAsync(TimeSpan.FromMinutes(5)), TimeSpan.FromSeconds(1));

        Assert.True(flushed.Completed);
        Assert.True(server.Handshakes >= 1, "the client never connected");
        Assert.Equal(0, server.RequestsReceived);
        Assert.Equal(1, provider.Statistics!.Failed);
        var failed = Assert.Single(diagnostics.Items, d => d.Kind == PagerDutyDiagnosticKind.Failed);
        Assert.Contains("SSL", failed.Message + failed.Exception, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A TLS server on loopback with a self-signed certificate that counts handshakes and request bytes.</summary>
    private sealed class UntrustedTlsServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly X509Certificate2 _certificate;
        private readonly CancellationTokenSource _stop = new();
        private int _handshakes;
        private int _requests;

        private UntrustedTlsServer()
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            _certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int Handshakes => Volatile.Read(ref _handshakes);

        public int RequestsReceived => Volatile.Read(ref _requests);

        public static Task<UntrustedTlsServer> StartAsync()
        {
            var server = new UntrustedTlsServer();
            server._listener.Start();
            _ = server.AcceptLoopAsync();
            return Task.FromResult(server);
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _certificate.Dispose();
            _stop.Dispose();
        }

        private async Task AcceptLoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception)
                {
                    return;
                }

                _ = ServeAsync(client);
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using (client)
            {
                Interlocked.Increment(ref _handshakes);
                try
                {
                    await using var tls = new SslStream(client.GetStream());
                    await tls.AuthenticateAsServerAsync(_certificate);
                    var buffer = new byte[1024];
                    if (await tls.ReadAsync(buffer) > 0)
                    {
                        Interlocked.Increment(ref _requests);
                    }
                }
                catch (Exception)
                {
                    // The client refused the certificate: exactly what is expected.
                }
            }
        }
    }
}
