using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using IspPortal.Infrastructure.Network.RouterOs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IspPortal.Infrastructure.StandIns.RouterOs;

/// <summary>
/// A TCP server that speaks the RouterOS API (framing, modern and legacy login, tags, concurrent
/// commands, <c>/cancel</c>, <c>/quit</c>) over a <see cref="SimulatedRouter"/>, so any RouterOS API
/// client can use it as a router. Test knobs: <see cref="DropConnections"/> and <see cref="StallNextReply"/>.
/// </summary>
public sealed partial class RouterOsSimulator : IAsyncDisposable
{
    // Rows are written in batches of about this size: fast for big prints, still streamed.
    private const int FlushBytes = 32 * 1024;

    private readonly RouterOsSimulatorOptions _options;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<ClientSession, byte> _clients = new();
    private readonly CancellationTokenSource _stopping = new();
    private TcpListener? _listener;
    private Task _acceptLoop = Task.CompletedTask;
    private Stall? _stall;
    private Stall? _stalled;

    public RouterOsSimulator(RouterOsSimulatorOptions options, TimeProvider? time = null, ILogger<RouterOsSimulator>? logger = null)
    {
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        Router = new SimulatedRouter(options, time ?? TimeProvider.System);
    }

    public SimulatedRouter Router { get; }

    /// <summary>Where the simulator listens; the real port once started on port 0.</summary>
    public IPEndPoint EndPoint => (IPEndPoint?)_listener?.LocalEndpoint ?? _options.Listen;

    public int Port => EndPoint.Port;

    public int ConnectionCount => _clients.Count;

    /// <summary>How many commands have completed (<c>!done</c> written), for tests that must know a reply is still running.</summary>
    public int CompletedCommands => Volatile.Read(ref _completedCommands);

    private int _completedCommands;

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        _listener = new TcpListener(_options.Listen);
        _listener.Start();
        _acceptLoop = AcceptAsync();
        _logger.LogInformation("RouterOS simulator listening on {EndPoint}", EndPoint);
        return Task.CompletedTask;
    }

    public async Task StopAsync()
    {
        if (_stopping.IsCancellationRequested)
            return;
        await _stopping.CancelAsync();
        _listener?.Stop();
        DropConnections();
        ReleaseStall();
        await _acceptLoop;
        while (!_clients.IsEmpty)
            await Task.WhenAll(_clients.Keys.Select(c => c.Finished));
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Router.Dispose();
        _stopping.Dispose();
    }

    /// <summary>Cuts every client connection at once, as a dropped link would, without a <c>!fatal</c>.</summary>
    public void DropConnections()
    {
        foreach (var client in _clients.Keys)
            client.Abort();
    }

    /// <summary>The next command sends <paramref name="afterRows"/> rows and then goes silent until
    /// <see cref="ReleaseStall"/>, a <c>/cancel</c>, or a dropped connection.</summary>
    /// <returns>Completes when the command has sent those rows and is silent.</returns>
    public Task StallNextReply(int afterRows = 0)
    {
        var stall = new Stall(afterRows);
        Volatile.Write(ref _stall, stall);
        return stall.Reached.Task;
    }

    public void ReleaseStall()
    {
        Interlocked.Exchange(ref _stall, null)?.Released.TrySetResult();
        Interlocked.Exchange(ref _stalled, null)?.Released.TrySetResult();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient tcp;
            try
            {
                tcp = await _listener!.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            var client = new ClientSession(this, tcp);
            _clients[client] = 0;
            client.Finished = Task.Run(client.RunAsync);
        }
    }

    [SuppressMessage("Reliability", "CA1001", Justification = "A SemaphoreSlim whose wait handle is never used holds nothing to release.")]
    private sealed class ClientSession(RouterOsSimulator server, TcpClient tcp)
    {
        private readonly SemaphoreSlim _writeLock = new(1, 1);
        private readonly ConcurrentDictionary<string, RunningCommand> _running = new();
        private readonly CancellationTokenSource _closed = CancellationTokenSource.CreateLinkedTokenSource(server._stopping.Token);
        private Stream _stream = Stream.Null;
        private string? _challenge;

        public Task Finished { get; set; } = Task.CompletedTask;

        public void Abort()
        {
            try
            {
                // A reset, not a polite close: what a dropped link looks like to the client.
                tcp.Client?.LingerState = new LingerOption(true, 0);
            }
            catch (Exception error) when (error is ObjectDisposedException or SocketException)
            {
            }
            tcp.Dispose();
        }

        public async Task RunAsync()
        {
            try
            {
                _stream = tcp.GetStream();
                if (server._options.Certificate is { } certificate)
                {
                    var tls = new SslStream(_stream, false);
                    await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, _closed.Token);
                    _stream = tls;
                }
                var reader = new ApiSentenceReader(_stream);
                var loggedIn = false;
                while (await reader.ReadAsync(_closed.Token) is { } sentence)
                {
                    if (!loggedIn)
                    {
                        if (sentence.Type != "/login")
                        {
                            await SendAsync([ApiSentence.Of("!fatal", "not logged in")]);
                            return;
                        }
                        loggedIn = await LoginAsync(sentence);
                        continue;
                    }
                    switch (sentence.Type)
                    {
                        case "/quit":
                            await SendAsync([ApiSentence.Of("!fatal", "session terminated on request")]);
                            return;
                        case "/cancel":
                            await CancelAsync(sentence);
                            break;
                        default:
                            var command = new RunningCommand(sentence.Tag, CancellationTokenSource.CreateLinkedTokenSource(_closed.Token));
                            if (command.Tag is not null)
                                _running[command.Tag] = command;
                            // Runs here until it first waits (full socket, stall): a quick command costs no thread hop.
                            _ = ExecuteAsync(sentence, command);
                            break;
                    }
                }
            }
            catch (Exception error) when (error is IOException or SocketException or ObjectDisposedException or OperationCanceledException
                or EndOfStreamException or Core.Network.RouterOs.RouterOsException or System.Security.Authentication.AuthenticationException)
            {
                server._logger.LogDebug("Simulator client gone: {Reason}", error.Message);
            }
            finally
            {
                await _closed.CancelAsync();
                tcp.Dispose();
                server._clients.TryRemove(this, out _);
            }
        }

        private async Task<bool> LoginAsync(ApiSentence login)
        {
            var options = server._options;
            var tag = login.Tag;
            if (login["response"] is { } response && _challenge is not null && options.Login != SimulatorLogin.Modern)
            {
                var accepted = login["name"] == options.User && response == LegacyLogin.Response(options.Password, _challenge);
                _challenge = null;
                await SendAsync(accepted ? [Reply("!done", tag)] : [Reply("!trap", tag, "=message=cannot log in"), Reply("!done", tag)]);
                return accepted;
            }
            if (login["password"] is { } password && options.Login != SimulatorLogin.Legacy)
            {
                var accepted = login["name"] == options.User && password == options.Password;
                await SendAsync(accepted ? [Reply("!done", tag)] : [Reply("!trap", tag, "=message=invalid user name or password (6)"), Reply("!done", tag)]);
                return accepted;
            }
            if (options.Login == SimulatorLogin.Modern)
            {
                await SendAsync([Reply("!trap", tag, "=message=invalid user name or password (6)"), Reply("!done", tag)]);
                return false;
            }
            // Before 6.43 every /login gets a challenge, whatever it carries.
            _challenge = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            await SendAsync([Reply("!done", tag, "=ret=" + _challenge)]);
            return false;
        }

        private async Task ExecuteAsync(ApiSentence sentence, RunningCommand command)
        {
            try
            {
                var reply = server.Router.Execute(sentence);
                var stall = Interlocked.Exchange(ref server._stall, null);
                if (stall is not null)
                    Volatile.Write(ref server._stalled, stall);
                var batch = new List<ApiSentence>();
                var batchBytes = 0;
                var sent = 0;
                var tagWord = command.Tag is null ? null : ".tag=" + command.Tag;
                foreach (var row in reply.Rows)
                {
                    if (stall is not null && sent == stall.AfterRows)
                        await StallAsync(stall, batch, command);
                    var words = new string[row.Count + (tagWord is null ? 1 : 2)];
                    words[0] = "!re";
                    for (var i = 0; i < row.Count; i++)
                    {
                        words[i + 1] = row[i];
                        batchBytes += row[i].Length + 1;
                    }
                    if (tagWord is not null)
                        words[^1] = tagWord;
                    batch.Add(new ApiSentence(words));
                    batchBytes += 16;
                    sent++;
                    if (batchBytes >= FlushBytes)
                    {
                        await command.SendAsync(this, batch);
                        batch.Clear();
                        batchBytes = 0;
                    }
                }
                if (stall is not null && sent <= stall.AfterRows)
                    await StallAsync(stall, batch, command);
                if (reply.Rows.Count == 0 && reply.Trap is null && reply.Ret is null && server._options.SendEmpty && IsPrint(sentence.Type))
                    batch.Add(Reply("!empty", command.Tag));
                if (reply.Trap is not null)
                    batch.Add(Reply("!trap", command.Tag, [.. reply.TrapCategory is null ? [] : new[] { "=category=" + reply.TrapCategory }, "=message=" + reply.Trap]));
                batch.Add(reply.Ret is null ? Reply("!done", command.Tag) : Reply("!done", command.Tag, "=ret=" + reply.Ret));
                if (await command.SendAsync(this, batch))
                    Interlocked.Increment(ref server._completedCommands);
            }
            catch (Exception error) when (error is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
            }
            finally
            {
                if (command.Tag is not null)
                    _running.TryRemove(new KeyValuePair<string, RunningCommand>(command.Tag, command));
                await command.EndAsync();
            }
        }

        private async Task StallAsync(Stall stall, List<ApiSentence> batch, RunningCommand command)
        {
            await command.SendAsync(this, batch);
            batch.Clear();
            stall.Reached.TrySetResult();
            await stall.Released.Task.WaitAsync(command.Cancellation.Token);
        }

        /// <summary>Replies in the order ROUTEROS.md §3.3 shows: the target's trap, /cancel's !done, the target's !done.</summary>
        private async Task CancelAsync(ApiSentence cancel)
        {
            var targets = cancel["tag"] is { } target
                ? (_running.TryRemove(target, out var one) ? [one] : [])
                : _running.Keys.Select(k => _running.TryRemove(k, out var c) ? c : null).OfType<RunningCommand>().ToList();
            var replies = new List<ApiSentence>();
            foreach (var command in targets)
            {
                if (await command.StopAsync())
                    replies.Add(Reply("!trap", command.Tag, "=category=2", "=message=interrupted"));
            }
            replies.Add(Reply("!done", cancel.Tag));
            replies.AddRange(targets.Where(t => t.Interrupted).Select(t => Reply("!done", t.Tag)));
            await SendAsync(replies);
        }

        public async Task SendAsync(IReadOnlyList<ApiSentence> sentences)
        {
            var buffer = new ArrayBufferWriter<byte>();
            foreach (var sentence in sentences)
                sentence.WriteTo(buffer);
            await _writeLock.WaitAsync(_closed.Token);
            try
            {
                await _stream.WriteAsync(buffer.WrittenMemory, _closed.Token);
                await _stream.FlushAsync(_closed.Token);
            }
            finally
            {
                _writeLock.Release();
            }
        }

        private static bool IsPrint(string command) => command.EndsWith("/print", StringComparison.Ordinal) || command.EndsWith("/getall", StringComparison.Ordinal);

        private static string[] TagWord(string? tag) => tag is null ? [] : [".tag=" + tag];

        private static ApiSentence Reply(string type, string? tag, params string[] words) => new([type, .. words, .. TagWord(tag)]);
    }
}
