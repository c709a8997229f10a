using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.Model;
using Yarp.ReverseProxy.Transforms;

namespace FinPilot.Web.Tests.Hosting;

/// <summary>
/// The reverse proxy in front of web host processes, as an installation puts nginx or a load
/// balancer there: YARP in the test process, terminating TLS (a self-signed certificate for
/// 127.0.0.1 that only this proxy's <see cref="Browser"/> trusts) and sending each request to the
/// next node in turn (round robin) among those its active health check finds ready
/// (<c>GET /health/ready</c> every second; two failures in a row take a node out). It passes the
/// client's address and scheme in <c>X-Forwarded-For</c>/<c>-Proto</c> (YARP's default) and names
/// the node that answered in the response header <see cref="NodeHeader"/>.
/// </summary>
internal sealed class NodeProxy : IAsyncDisposable
{
    public const string NodeHeader = "X-FinPilot-Node";

    private const string Cluster = "nodes";

    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);

    private readonly WebApplication _app;
    private readonly X509Certificate2 _certificate;
    private readonly ConcurrentQueue<Answer> _answers;

    private NodeProxy(WebApplication app, X509Certificate2 certificate, ConcurrentQueue<Answer> answers)
    {
        _app = app;
        _certificate = certificate;
        _answers = answers;
        Address = new Uri(app.Urls.Single(u => u.StartsWith("https://", StringComparison.Ordinal)));
    }

    public Uri Address { get; }

    /// <summary>Every request the nodes answered through the proxy, in order.</summary>
    public IReadOnlyList<Answer> Answers => [.. _answers];

    /// <summary>The last answers, one a line, for a failing assertion's message.</summary>
    public string Log => string.Join('\n', _answers.TakeLast(60));

    /// <summary>Starts the proxy on a free port of 127.0.0.1 with <paramref name="nodes"/> as its destinations, named by their names.</summary>
    public static async Task<NodeProxy> StartAsync(params WebHostProcess[] nodes)
    {
        var certificate = SelfSignedCertificate();
        var answers = new ConcurrentQueue<Answer>();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            ContentRootPath = Path.GetTempPath(),
        });

        // Nothing of the test process's settings or environment: only what is said here.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));

        var route = new RouteConfig { RouteId = "all", ClusterId = Cluster, Match = new RouteMatch { Path = "{**path}" } };
        var cluster = new ClusterConfig
        {
            ClusterId = Cluster,
            LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
            Destinations = nodes.ToDictionary(n => n.Name, n => new DestinationConfig { Address = n.Address.ToString() }, StringComparer.Ordinal),
            HealthCheck = new HealthCheckConfig
            {
                Active = new ActiveHealthCheckConfig
                {
                    Enabled = true,
                    Interval = ProbeInterval,
                    // Generous: a node busy on a loaded machine is slow, not gone; a killed one refuses at once.
                    Timeout = TimeSpan.FromSeconds(5),
                    Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
                    Path = "/health/ready",
                },
            },
            Metadata = new Dictionary<string, string> { [ConsecutiveFailuresHealthPolicyOptions.ThresholdMetadataName] = "2" },
        };

        builder.Services.AddReverseProxy()
            .LoadFromMemory([route], [cluster])
            .AddTransforms(transforms => transforms.AddResponseTransform(context =>
            {
                var http = context.HttpContext;
                var node = http.Features.Get<IReverseProxyFeature>()?.ProxiedDestination?.DestinationId ?? "none";
                http.Response.Headers[NodeHeader] = node;
                answers.Enqueue(new Answer(http.Request.Method, http.Request.Path.Value ?? "/", node, (int?)context.ProxyResponse?.StatusCode ?? 0));
                return ValueTask.CompletedTask;
            }));

        var app = builder.Build();
        app.MapReverseProxy();
        await app.StartAsync();
        return new NodeProxy(app, certificate, answers);
    }

    /// <summary>One browser (cookies kept, no redirects followed) that trusts this proxy's certificate and nothing else.</summary>
    public HttpMessageHandler Browser() => NodeKit.Browser(_certificate);

    public HttpClient Client(HttpMessageHandler handler) =>
        new(handler, disposeHandler: false) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The node that answered a request through the proxy.</summary>
    public static string AnsweredBy(HttpResponseMessage response) =>
        response.Headers.TryGetValues(NodeHeader, out var values) ? values.Single() : "(no node: the proxy answered itself)";

    /// <summary>The nodes the proxy would send a request to now.</summary>
    public IReadOnlyList<string> Available()
    {
        var state = _app.Services.GetRequiredService<IProxyStateLookup>();
        return state.TryGetCluster(Cluster, out var cluster)
            ? cluster.DestinationsState.AvailableDestinations.Select(d => d.DestinationId).ToList()
            : [];
    }

    /// <summary>Waits until the health check has taken <paramref name="node"/> out; how long that took.</summary>
    public async Task<TimeSpan> WaitUntilOutAsync(WebHostProcess node, TimeSpan within)
    {
        var watch = Stopwatch.StartNew();
        while (Available().Contains(node.Name))
        {
            Assert.True(watch.Elapsed < within, $"The proxy still sends requests to {node.Name} {within.TotalSeconds} s after it died.\n{Log}");
            await Task.Delay(100);
        }

        return watch.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _certificate.Dispose();
    }

    /// <summary>A request as a node answered it through the proxy.</summary>
    public sealed record Answer(string Method, string Path, string Node, int Status)
    {
        public bool IsSuccess => Status is >= 200 and < 300;

        public override string ToString() => $"{Method} {Path} → {Node} {Status}";
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        using var ephemeral = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));

        // Through PKCS#12 so the private key is one TLS can use on every platform.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), password: null);
    }
}
