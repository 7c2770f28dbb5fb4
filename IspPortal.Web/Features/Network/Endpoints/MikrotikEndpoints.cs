using IspPortal.Core.Customers;
using IspPortal.Core.Identity;
using IspPortal.Core.Common;
using IspPortal.Core.Network;
using IspPortal.Core.Network.Isolation;
using IspPortal.Core.Network.Routers;
using IspPortal.Core.Network.Sync;
using IspPortal.Web.Shell.Api;

namespace IspPortal.Web.Features.Network.Endpoints;

public static class MikrotikEndpoints
{
    public static RouteGroupBuilder MapMikrotikEndpoints(this RouteGroupBuilder api)
    {
        var mikrotik = api.MapGroup("/mikrotik").WithTags("MikroTik");

        mikrotik.MapPost("/isolir", (IsolationRequest request, CustomerIsolation isolation, CancellationToken cancellationToken) =>
                RespondAsync(isolation.IsolateAsync(request.CustomerCode ?? "", request.Reason ?? "", StatusChangeSource.Api, cancellationToken)))
            .RequireAuthorization(Permissions.NetworkOperate)
            .Produces<IsolationResponse>()
            .ProducesValidationProblem()
            .WithSummary("Isolate a customer (by customer code) with the router's isolation method, kicking the live session");

        mikrotik.MapPost("/activate", (IsolationRequest request, CustomerIsolation isolation, CancellationToken cancellationToken) =>
                RespondAsync(isolation.ActivateAsync(request.CustomerCode ?? "", request.Reason ?? "", StatusChangeSource.Api, cancellationToken)))
            .RequireAuthorization(Permissions.NetworkOperate)
            .Produces<IsolationResponse>()
            .ProducesValidationProblem()
            .WithSummary("Activate an isolated customer (by customer code)");

        mikrotik.MapPost("/sync", async Task<IResult> (SyncRequest? request, SyncAllRouters syncAll, SyncRouter syncRouter, RouterByCode routers, CancellationToken cancellationToken) =>
            {
                if (string.IsNullOrWhiteSpace(request?.RouterCode))
                    return TypedResults.Ok((await syncAll.ExecuteAsync(cancellationToken: cancellationToken)).Routers.Select(SyncResponse.From));
                var code = Router.NormalizeCode(request.RouterCode);
                return await routers.IdOfAsync(code, cancellationToken) is { } id
                    ? TypedResults.Ok(new[] { SyncResponse.From(await syncRouter.ExecuteAsync(id, cancellationToken)) })
                    : TypedResults.Problem(statusCode: 404, title: "Router tidak ditemukan", detail: $"Tidak ada router dengan kode '{code}'.");
            })
            .RequireAuthorization(Permissions.NetworkOperate)
            .Produces<SyncResponse[]>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Sync one router (routerCode) or all active routers now");

        return mikrotik;
    }

    private static async Task<IResult> RespondAsync(Task<Core.Common.Outcome<IsolationResult>> change)
    {
        var outcome = await change;
        return outcome.Value is { } result ? TypedResults.Ok(IsolationResponse.From(result)) : outcome.ToValidationProblem();
    }
}

public sealed record IsolationRequest(string? CustomerCode, string? Reason);

public sealed record SyncRequest(string? RouterCode);

public sealed record SyncResponse(string RouterCode, bool Succeeded, int Sessions, int CustomersChanged, int SecretsRepaired, int DurationMs, string? Error)
{
    public static SyncResponse From(RouterSyncResult r) =>
        new(r.RouterCode, r.Succeeded, r.Sessions, r.CustomersChanged, r.SecretsRepaired, (int)r.Duration.TotalMilliseconds, r.Error);
}

/// <param name="AppliedOnRouter">False: saved, but the router was unreachable; the next sync applies it.</param>
public sealed record IsolationResponse(string CustomerCode, string Status, bool AppliedOnRouter, bool AlreadyDone, string Message)
{
    public static IsolationResponse From(IsolationResult result) =>
        new(result.CustomerCode, result.Status.ToString(), result.AppliedOnRouter, result.AlreadyDone, result.Message);
}
