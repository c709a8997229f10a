using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace FinPilot.Ledger.Tests.Serving;

/// <summary>
/// A real HTTP server (<see cref="HttpListener"/> on a free loopback port) serving a
/// <see cref="ServedLog"/> under <c>/ledger/</c> in the tlog-tiles layout, so clients are tested
/// over the same stack they use against the platform.
/// </summary>
internal sealed class TiledLogServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _serving;
    private long _bytesServed;

    private TiledLogServer(HttpListener listener, Uri prefix, ServedLog log)
    {
        _listener = listener;
        Prefix = prefix;
        Log = log;
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>The log's base URL, ending in <c>/ledger/</c>.</summary>
    public Uri Prefix { get; }

    /// <summary>The log being served; replace it to make the log grow or fork.</summary>
    public ServedLog Log { get; set; }

    /// <summary>Paths requested, in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Changes a response before it is sent (path, honest bytes → served bytes).</summary>
    public Func<string, byte[], byte[]>? Rewrite { get; set; }

    public long BytesServed => Interlocked.Read(ref _bytesServed);

    public static TiledLogServer Start(ServedLog log)
    {
        // A port found free can be taken before the listener binds it; another one is tried then.
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();

            var prefix = new Uri($"http://127.0.0.1:{port}/ledger/");
            var listener = new HttpListener();
            listener.Prefixes.Add(prefix.AbsoluteUri);
            try
            {
                listener.Start();
                return new TiledLogServer(listener, prefix, log);
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }

    private async Task ServeAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => RespondAsync(context));
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var path = context.Request.Url!.AbsolutePath;
            var relative = path.StartsWith(Prefix.AbsolutePath, StringComparison.Ordinal) ? path[Prefix.AbsolutePath.Length..] : "";
            Requests.Enqueue(relative);
            var body = await Log.ReadAsync(relative, CancellationToken.None);
            if (body is null)
            {
                response.StatusCode = 404;
                return;
            }

            body = Rewrite?.Invoke(relative, body) ?? body;
            response.ContentType = relative == "checkpoint" ? "text/plain; charset=utf-8" : "application/octet-stream";
            response.ContentLength64 = body.Length;
            // Counted before sending: a client may finish reading before this task runs again.
            Interlocked.Add(ref _bytesServed, body.Length);
            await response.OutputStream.WriteAsync(body);
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
            // The client went away (a cancelled fetch); nothing to answer.
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
