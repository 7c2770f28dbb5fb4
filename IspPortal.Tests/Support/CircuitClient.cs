using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Support;

/// <summary>
/// A Blazor Server circuit without a browser: what blazor.web.js does, over the same hub and
/// protocol. It reads the prerendered page's component markers and persisted state, starts the
/// circuit with them, acknowledges every render batch (the server stops rendering after ten
/// unacknowledged ones) and answers every JavaScript call as a browser would, with the answers the
/// caller gives for the page's own modules. It keeps no DOM: a caller that wants to know whether a
/// render carried a value looks for it in the batch, whose string table holds the new texts.
/// </summary>
public sealed partial class CircuitClient : IAsyncDisposable
{
    /// <summary>What a browser answers to a call the caller has no answer for: nothing (JSON null).</summary>
    public delegate string? JsAnswer(string identifier, string argsJson);

    private readonly HubConnection _connection;
    private readonly JsAnswer _answer;
    private readonly TaskCompletionSource _firstRender = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextJsObject;

    private CircuitClient(HubConnection connection, JsAnswer answer)
    {
        _connection = connection;
        _answer = answer;
        connection.On("JS.RenderBatch", [typeof(long), typeof(byte[])], OnRenderBatchAsync, this);
        connection.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)], OnBeginInvokeJsAsync, this);
        connection.On<string>("JS.Error", error => Fail("JS.Error: " + error));
        connection.Closed += error =>
        {
            Fail("closed" + (error is null ? "" : ": " + error.Message));
            return Task.CompletedTask;
        };
    }

    /// <summary>Raised on the connection's receive loop with the batch and the moment it arrived (<see cref="Stopwatch"/> ticks).</summary>
    public event Action<byte[], long>? Rendered;

    /// <summary>Raised for every call into JavaScript: the function's name, its arguments as JSON and the moment it arrived.</summary>
    public event Action<string, string, long>? JsCalled;

    /// <summary>Why the circuit ended, if it did (an unhandled exception in a component ends it).</summary>
    public string? Failure { get; private set; }

    public int RenderBatches { get; private set; }

    public int JsCalls { get; private set; }

    /// <summary>
    /// GETs <paramref name="page"/> with <paramref name="cookies"/> (a signed-in user's), then
    /// starts its circuit and waits for the first render.
    /// </summary>
    public static async Task<CircuitClient> OpenAsync(HttpClient pages, CookieContainer cookies, Uri page, JsAnswer answer, CancellationToken cancellationToken)
    {
        var html = await pages.GetStringAsync(page, cancellationToken);
        var markers = ServerMarker().Matches(html).Select(m => JsonNode.Parse(m.Groups["json"].Value)!.AsObject())
            .Where(m => (string?)m["type"] == "server").ToList();
        if (markers.Count == 0)
            throw new InvalidOperationException($"{page} has no interactive server component: was the user signed in?");
        var state = PersistedState().Match(html) is { Success: true } found ? found.Groups["state"].Value : "";
        var absolute = new Uri(pages.BaseAddress!, page);

        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(pages.BaseAddress!, "_blazor"), options =>
            {
                options.Cookies = cookies;
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            });
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        var client = new CircuitClient(builder.Build(), answer);
        try
        {
            await client._connection.StartAsync(cancellationToken);
            var circuit = await client._connection.InvokeAsync<string?>("StartCircuit", pages.BaseAddress!.ToString(), absolute.ToString(), "[]", state, cancellationToken);
            if (string.IsNullOrEmpty(circuit))
                throw new InvalidOperationException($"The server refused to start a circuit for {page}: {client.Failure}");
            var operations = new JsonObject
            {
                ["batchId"] = 1,
                ["operations"] = new JsonArray([.. markers.Select((marker, i) => (JsonNode)new JsonObject
                {
                    ["type"] = "add",
                    ["ssrComponentId"] = i + 1,
                    ["marker"] = marker,
                })]),
            };
            await client._connection.SendAsync("UpdateRootComponents", operations.ToJsonString(), state, cancellationToken);
            await client._firstRender.Task.WaitAsync(cancellationToken);
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
        return client;
    }

    private async Task OnRenderBatchAsync(object?[] arguments, object state)
    {
        var arrived = Stopwatch.GetTimestamp();
        var batchId = (long)arguments[0]!;
        var batch = (byte[])arguments[1]!;
        RenderBatches++;
        Rendered?.Invoke(batch, arrived);
        await _connection.SendAsync("OnRenderCompleted", batchId, null);
        _firstRender.TrySetResult();
    }

    private async Task OnBeginInvokeJsAsync(object?[] arguments, object state)
    {
        var arrived = Stopwatch.GetTimestamp();
        var (taskId, identifier, argsJson, resultType) = ((long)arguments[0]!, (string)arguments[1]!, (string)arguments[2]!, (int)arguments[3]!);
        JsCalls++;
        JsCalled?.Invoke(identifier, argsJson, arrived);
        if (taskId == 0)
            return;
        // JSCallResultType: 0 a value, 1 a JS object reference, 2 a stream, 3 nothing.
        var result = resultType switch
        {
            1 => $$"""{"__jsObjectId":{{Interlocked.Increment(ref _nextJsObject)}}}""",
            3 => "null",
            _ => _answer(identifier, argsJson) ?? "null",
        };
        await _connection.SendAsync("EndInvokeJSFromDotNet", taskId, true, $"[{taskId},true,{result}]");
    }

    private void Fail(string why)
    {
        Failure ??= why;
        _firstRender.TrySetException(new InvalidOperationException(why));
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    [GeneratedRegex(@"<!--Blazor:(?<json>\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex ServerMarker();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:(?<state>[A-Za-z0-9+/=]+)-->")]
    private static partial Regex PersistedState();

    /// <summary>
    /// Blazor Server's hub protocol is SignalR's MessagePack protocol under another name
    /// ("blazorpack"); the server accepts no other.
    /// </summary>
    private sealed class BlazorPackProtocol : IHubProtocol
    {
        private readonly MessagePackHubProtocol _inner = new();

        public string Name => "blazorpack";

        public int Version => _inner.Version;

        public TransferFormat TransferFormat => TransferFormat.Binary;

        public bool IsVersionSupported(int version) => _inner.IsVersionSupported(version);

        public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HubMessage? message) =>
            _inner.TryParseMessage(ref input, binder, out message);

        public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _inner.WriteMessage(message, output);

        public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _inner.GetMessageBytes(message);
    }
}
