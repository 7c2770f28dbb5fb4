using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Channels;
using IspPortal.Infrastructure.Security;
using IspPortal.Core.Network.RouterOs;
using Microsoft.Extensions.Logging;

namespace IspPortal.Infrastructure.Network.RouterOs;

/// <summary>
/// One logged-in API connection. Every command is tagged, so many run at once: a single read loop
/// routes each reply sentence to its command by <c>.tag</c> (ROUTEROS.md §3.2). Any fault —
/// <c>!fatal</c>, end of stream, a protocol error, a silent router — fails every pending command and
/// the connection is never used again; the pool opens a new one.
/// </summary>
public sealed class RouterOsConnection : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly Stream _stream;
    private readonly ApiSentenceReader _reader;
    private readonly ApiSentenceWriter _writer;
    private readonly RouterOsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _name;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<string, PendingCommand> _pending = new();
    private readonly CancellationTokenSource _closing = new();
    private Task _readLoop = Task.CompletedTask;
    private RouterOsException? _fault;
    private long _lastReceived;
    private int _nextTag;

    private RouterOsConnection(TcpClient tcp, Stream stream, RouterEndpoint endpoint, RouterOsOptions options, TimeProvider time, ILogger logger)
    {
        _tcp = tcp;
        _stream = stream;
        _reader = new ApiSentenceReader(stream, options.MaxWordBytes);
        _writer = new ApiSentenceWriter(stream);
        NoDelay = tcp.Client.NoDelay;
        _options = options;
        _time = time;
        _logger = logger;
        _name = endpoint.ToString();
    }

    public bool IsAlive => Volatile.Read(ref _fault) is null;

    public int InFlight => _pending.Count;

    /// <summary>Whether the socket sends each sentence at once (TCP_NODELAY) instead of holding it for Nagle's algorithm.</summary>
    public bool NoDelay { get; }

    public static async Task<RouterOsConnection> OpenAsync(RouterEndpoint endpoint, RouterOsOptions options, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        using var connectTimeout = new CancellationTokenSource(options.ConnectTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, connectTimeout.Token);
        var tcp = new TcpClient { NoDelay = true };
        Stream? stream = null;
        try
        {
            await tcp.ConnectAsync(endpoint.Host, endpoint.Port, linked.Token);
            stream = tcp.GetStream();
            if (endpoint.UseTls)
            {
                var tls = new SslStream(stream, false, (_, certificate, _, errors) => CertificatePinning.IsTrusted(endpoint.TlsFingerprint, certificate, errors));
                stream = tls;
                await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = endpoint.Host }, linked.Token);
            }
            var connection = new RouterOsConnection(tcp, stream, endpoint, options, time, logger);
            await connection.LoginAsync(endpoint, linked.Token);
            connection.Start();
            logger.LogDebug("Logged in to RouterOS {Router}", endpoint);
            return connection;
        }
        catch (Exception error)
        {
            if (stream is not null)
                await stream.DisposeAsync();
            tcp.Dispose();
            if (error is RouterOsException)
                throw;
            if (connectTimeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                throw new RouterOsException(RouterOsErrorCategory.Timeout, $"{endpoint} did not answer within {options.ConnectTimeout.TotalSeconds:0.#} s.", null, error);
            if (error is OperationCanceledException)
                throw;
            var reason = error is AuthenticationException ? "its TLS certificate was not accepted" : error.Message;
            throw new RouterOsException(RouterOsErrorCategory.Unreachable, $"Cannot connect to {endpoint}: {reason}", null, error);
        }
    }

    /// <summary>Runs a command and yields its <c>!re</c> rows as they arrive.</summary>
    /// <exception cref="RouterOsException">The router trapped (after any rows it sent first), or the connection failed.</exception>
    public async IAsyncEnumerable<ApiSentence> StreamAsync(IReadOnlyList<string> words, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var reply in RepliesAsync(words, cancellationToken))
        {
            if (reply.Type == "!re")
                yield return reply;
        }
    }

    /// <summary>Runs a command to its <c>!done</c> (which carries <c>=ret=</c> for <c>add</c>), ignoring rows.</summary>
    public async Task<ApiSentence> RunAsync(IReadOnlyList<string> words, CancellationToken cancellationToken = default)
    {
        var command = await StartAsync(words, cancellationToken);
        try
        {
            while (true)
            {
                var reply = await NextAsync(command, cancellationToken);
                if (reply.Type != "!done")
                    continue;
                command.Finished = true;
                command.ThrowIfTrapped(_name);
                return reply;
            }
        }
        finally
        {
            await EndAsync(command);
        }
    }

    /// <summary>The command's rows, then its <c>!done</c> last; a trap throws at the <c>!done</c>.</summary>
    private async IAsyncEnumerable<ApiSentence> RepliesAsync(IReadOnlyList<string> words, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var command = await StartAsync(words, cancellationToken);
        try
        {
            while (!command.Finished)
            {
                var reply = await NextAsync(command, cancellationToken);
                if (reply.Type == "!done")
                {
                    command.Finished = true;
                    command.ThrowIfTrapped(_name);
                }
                yield return reply;
            }
        }
        finally
        {
            await EndAsync(command);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Fault(new RouterOsException(RouterOsErrorCategory.Unreachable, $"The connection to {_name} was closed."), quietly: true);
        await _readLoop;
        _closing.Dispose();
        _writeLock.Dispose();
    }

    private async Task LoginAsync(RouterEndpoint endpoint, CancellationToken cancellationToken)
    {
        var reply = await LoginStepAsync(ApiSentence.Of("/login", "=name=" + endpoint.User, "=password=" + endpoint.Password), cancellationToken);
        // Before 6.43 RouterOS ignores the password and answers with a challenge (ROUTEROS.md §2.4).
        if (reply["ret"] is { Length: > 0 } challenge)
        {
            var response = LegacyLogin.Response(endpoint.Password, challenge);
            await LoginStepAsync(ApiSentence.Of("/login", "=name=" + endpoint.User, "=response=" + response), cancellationToken);
        }
    }

    private async Task<ApiSentence> LoginStepAsync(ApiSentence request, CancellationToken cancellationToken)
    {
        await WriteAsync(request.Words, null, cancellationToken);
        string? trap = null;
        while (true)
        {
            var reply = await _reader.ReadAsync(cancellationToken)
                ?? throw new RouterOsException(RouterOsErrorCategory.Unreachable, $"{_name} closed the connection during login.");
            switch (reply.Type)
            {
                case "!trap":
                    trap ??= reply["message"] ?? "login failed";
                    break;
                case "!fatal":
                    var reason = FatalReason(reply);
                    throw new RouterOsException(RouterOsErrorCategory.Unreachable, $"{_name} ended the session during login: {reason}", reason);
                case "!done" when trap is not null:
                    var category = RouterOsException.Classify(trap);
                    throw new RouterOsException(
                        category == RouterOsErrorCategory.Other ? RouterOsErrorCategory.WrongCredentials : category,
                        $"{_name} refused the login: {trap}",
                        trap);
                case "!done":
                    return reply;
            }
        }
    }

    private void Start()
    {
        _lastReceived = _time.GetTimestamp();
        _readLoop = Task.Run(ReadLoopAsync);
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (true)
            {
                var sentence = await _reader.ReadAsync(_closing.Token);
                if (sentence is null)
                {
                    Fault(new RouterOsException(RouterOsErrorCategory.Unreachable, $"{_name} closed the connection."));
                    return;
                }
                Volatile.Write(ref _lastReceived, _time.GetTimestamp());
                if (sentence.Type == "!fatal")
                {
                    var reason = FatalReason(sentence);
                    Fault(new RouterOsException(RouterOsErrorCategory.Unreachable, $"{_name} ended the session: {reason}", reason));
                    return;
                }
                // Untagged replies (those to our /cancel) and replies to abandoned commands are dropped.
                if (sentence.Tag is not { } tag || !_pending.TryGetValue(tag, out var command))
                    continue;
                var done = sentence.Type == "!done";
                if (done)
                    _pending.TryRemove(tag, out _);
                try
                {
                    await command.Replies.Writer.WriteAsync(sentence, _closing.Token);
                }
                catch (ChannelClosedException)
                {
                }
                if (done)
                    command.Replies.Writer.TryComplete();
            }
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
        }
        catch (RouterOsException error)
        {
            Fault(error);
        }
        catch (Exception error) when (error is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            Fault(new RouterOsException(RouterOsErrorCategory.Unreachable, $"Lost the connection to {_name}: {error.Message}", null, error));
        }
    }

    private async ValueTask<PendingCommand> StartAsync(IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        var tag = Interlocked.Increment(ref _nextTag).ToString(CultureInfo.InvariantCulture);
        var command = new PendingCommand(tag, words[0], _options.CommandTimeout, _time);
        _pending[tag] = command;
        if (Volatile.Read(ref _fault) is { } fault)
        {
            _pending.TryRemove(tag, out _);
            throw Copy(fault);
        }
        if (_logger.IsEnabled(LogLevel.Debug))
            _logger.LogDebug("RouterOS {Router} <- {Command} (tag {Tag})", _name, words[0], tag);
        try
        {
            await WriteAsync(words, ".tag=" + tag, cancellationToken);
        }
        catch
        {
            _pending.TryRemove(tag, out _);
            command.Dispose();
            throw;
        }
        return command;
    }

    private async ValueTask<ApiSentence> NextAsync(PendingCommand command, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (!command.Replies.Reader.TryRead(out var reply))
                reply = await WaitAsync(command, cancellationToken);
            switch (reply.Type)
            {
                case "!re" or "!done":
                    return reply;
                case "!trap":
                    command.Trap ??= reply;
                    break;
                    // !empty (7.18+) means no rows; a !done always follows. Unknown reply words are skipped.
            }
        }
    }

    private async ValueTask<ApiSentence> WaitAsync(PendingCommand command, CancellationToken cancellationToken)
    {
        var waitingSince = _time.GetTimestamp();
        var token = command.StartWaiting(cancellationToken);
        try
        {
            while (await command.Replies.Reader.WaitToReadAsync(token))
            {
                if (command.Replies.Reader.TryRead(out var reply))
                    return reply;
            }
        }
        catch (OperationCanceledException) when (command.TimedOut && !cancellationToken.IsCancellationRequested)
        {
            // Nothing at all on the connection while we waited: the link or the router is gone, not just this command.
            if (Volatile.Read(ref _lastReceived) <= waitingSince)
                Fault(new RouterOsException(RouterOsErrorCategory.Unreachable, $"{_name} stopped answering."));
            throw new RouterOsException(RouterOsErrorCategory.Timeout, $"{_name} did not answer {command.Name} within {_options.CommandTimeout.TotalSeconds:0.#} s.");
        }
        catch (RouterOsException error)
        {
            throw Copy(error);
        }
        throw Copy(Volatile.Read(ref _fault) ?? new RouterOsException(RouterOsErrorCategory.Unreachable, $"The connection to {_name} was closed."));
    }

    private async ValueTask EndAsync(PendingCommand command)
    {
        command.Dispose();
        if (command.Finished || !_pending.TryRemove(command.Tag, out _))
            return;
        command.Replies.Writer.TryComplete();
        if (!IsAlive)
            return;
        try
        {
            // Untagged, so the read loop drops its !done; the cancelled command's trap and !done are dropped by tag.
            await WriteAsync(["/cancel", "=tag=" + command.Tag], null, CancellationToken.None);
        }
        catch (RouterOsException)
        {
        }
    }

    private async ValueTask WriteAsync(IReadOnlyList<string> words, string? tagWord, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            if (Volatile.Read(ref _fault) is { } fault)
                throw Copy(fault);
            await _writer.WriteAsync(words, tagWord);
        }
        catch (Exception error) when (error is IOException or SocketException or ObjectDisposedException)
        {
            var fault = new RouterOsException(RouterOsErrorCategory.Unreachable, $"Lost the connection to {_name}: {error.Message}", null, error);
            Fault(fault);
            throw Copy(fault);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private void Fault(RouterOsException error, bool quietly = false)
    {
        if (Interlocked.CompareExchange(ref _fault, error, null) is not null)
            return;
        if (!quietly)
            _logger.LogWarning("RouterOS connection to {Router} is closed: {Reason}", _name, error.Message);
        foreach (var tag in _pending.Keys)
        {
            if (_pending.TryRemove(tag, out var command))
                command.Replies.Writer.TryComplete(error);
        }
        _closing.Cancel();
        _stream.Dispose();
        _tcp.Dispose();
    }

    private static RouterOsException Copy(RouterOsException error) =>
        new(error.Category, error.Message, error.RouterMessage, error);

    // librouteros reads the reason as the bare word after !fatal; some servers send =message= instead.
    private static string FatalReason(ApiSentence fatal) =>
        fatal["message"] ?? fatal.Words.Skip(1).FirstOrDefault(w => !w.StartsWith('.')) ?? "no reason given";
}
