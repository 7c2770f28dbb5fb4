using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IspPortal.Infrastructure.StandIns.S3;

/// <summary>
/// The least of S3 a backup's off-site copy needs, on loopback: PUT /{bucket}/{key} keeps the bytes
/// (no signature check). <see cref="Refusing"/> answers 403 AccessDenied, as a wrong key would.
/// </summary>
public sealed class S3StandIn : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, byte[]> _objects = new(StringComparer.Ordinal);
    private LoopbackHost? _host;

    public Uri BaseAddress => _host?.BaseAddress ?? throw new InvalidOperationException("The S3 stand-in has not been started.");

    public bool Refusing { get; set; }

    public int Puts { get; private set; }

    public byte[]? Stored(string bucket, string key) => _objects.GetValueOrDefault($"{bucket}/{key}");

    public static async Task<S3StandIn> StartAsync(int port = 0, CancellationToken cancellationToken = default)
    {
        var standIn = new S3StandIn();
        standIn._host = await LoopbackHost.StartAsync(port, app => app.MapPut("/{bucket}/{**key}", standIn.PutAsync), cancellationToken);
        return standIn;
    }

    private async Task<IResult> PutAsync(string bucket, string key, HttpRequest request)
    {
        Puts++;
        if (Refusing)
            return Results.Content("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>",
                "application/xml", statusCode: StatusCodes.Status403Forbidden);
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        _objects[$"{bucket}/{key}"] = body.ToArray();
        request.HttpContext.Response.Headers.ETag = $"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body.ToArray()))}\"";
        return Results.Ok();
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
            await _host.DisposeAsync();
    }
}
