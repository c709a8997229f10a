using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace FinPilot.Web.Tests.Notifications;

/// <summary>
/// A tiny SMTP server on 127.0.0.1 (port chosen by the OS) that keeps what it receives, so the
/// real MailKit client can be tested over a real socket. It speaks just enough SMTP: EHLO/HELO,
/// MAIL FROM, RCPT TO, DATA, RSET, NOOP, QUIT; no TLS, no AUTH.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public SmtpSink()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>When set, every RCPT TO is refused with 550, as a server refuses an unknown mailbox.</summary>
    public bool RejectRecipients { get; set; }

    public ConcurrentQueue<ReceivedMail> Received { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopping the listener ends the accept loop this way.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new LineReader(stream);
        string? from = null;
        var to = new List<string>();
        await WriteAsync(stream, "220 sink.test ESMTP FinPilot test sink");
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            switch (command)
            {
                case "EHLO":
                    await WriteAsync(stream, "250-sink.test\r\n250 8BITMIME");
                    break;
                case "HELO":
                case "NOOP":
                    await WriteAsync(stream, "250 OK");
                    break;
                case "RSET":
                    from = null;
                    to.Clear();
                    await WriteAsync(stream, "250 OK");
                    break;
                case "MAIL":
                    from = Address(line);
                    await WriteAsync(stream, "250 OK");
                    break;
                case "RCPT" when RejectRecipients:
                    await WriteAsync(stream, "550 5.1.1 No such mailbox here");
                    break;
                case "RCPT":
                    to.Add(Address(line));
                    await WriteAsync(stream, "250 OK");
                    break;
                case "DATA":
                    await WriteAsync(stream, "354 End data with <CR><LF>.<CR><LF>");
                    var data = await reader.ReadDataAsync(_stop.Token);
                    Received.Enqueue(new ReceivedMail(from ?? string.Empty, [.. to], MimeMessage.Load(new MemoryStream(data))));
                    to.Clear();
                    await WriteAsync(stream, "250 OK queued");
                    break;
                case "QUIT":
                    await WriteAsync(stream, "221 Bye");
                    return;
                default:
                    await WriteAsync(stream, "502 Command not implemented");
                    break;
            }
        }
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : line;
    }

    private Task WriteAsync(NetworkStream stream, string reply) =>
        stream.WriteAsync(Encoding.ASCII.GetBytes(reply + "\r\n"), _stop.Token).AsTask();

    public sealed record ReceivedMail(string From, IReadOnlyList<string> To, MimeMessage Message);

    /// <summary>Reads CRLF-terminated lines as bytes, since message data may be 8-bit.</summary>
    private sealed class LineReader(NetworkStream stream)
    {
        private readonly byte[] _buffer = new byte[8192];
        private int _start;
        private int _end;

        public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            var bytes = await ReadLineBytesAsync(cancellationToken);
            return bytes is null ? null : Encoding.UTF8.GetString(bytes);
        }

        /// <summary>The message after DATA, up to the lone dot, with dot-stuffing undone.</summary>
        public async Task<byte[]> ReadDataAsync(CancellationToken cancellationToken)
        {
            using var data = new MemoryStream();
            while (await ReadLineBytesAsync(cancellationToken) is { } line)
            {
                if (line is [(byte)'.'])
                {
                    break;
                }

                var content = line is [(byte)'.', ..] ? line[1..] : line;
                data.Write(content);
                data.Write("\r\n"u8);
            }

            return data.ToArray();
        }

        private async Task<byte[]?> ReadLineBytesAsync(CancellationToken cancellationToken)
        {
            using var line = new MemoryStream();
            while (true)
            {
                if (_start == _end)
                {
                    _start = 0;
                    _end = await stream.ReadAsync(_buffer, cancellationToken);
                    if (_end == 0)
                    {
                        return null;
                    }
                }

                var b = _buffer[_start++];
                if (b == '\n')
                {
                    var bytes = line.ToArray();
                    return bytes is [.., (byte)'\r'] ? bytes[..^1] : bytes;
                }

                line.WriteByte(b);
            }
        }
    }
}
