using IspPortal.Core.Customers;
using IspPortal.Core.Identity;
using IspPortal.Core.Network.Isolation;

namespace IspPortal.Web.Api.Network;

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

        return mikrotik;
    }

    private static async Task<IResult> RespondAsync(Task<Core.Common.Outcome<IsolationResult>> change)
    {
        var outcome = await change;
        return outcome.Value is { } result ? TypedResults.Ok(IsolationResponse.From(result)) : outcome.ToValidationProblem();
    }
}

public sealed record IsolationRequest(string? CustomerCode, string? Reason);

/// <param name="AppliedOnRouter">False: saved, but the router was unreachable; the next sync applies it.</param>
public sealed record IsolationResponse(string CustomerCode, string Status, bool AppliedOnRouter, bool AlreadyDone, string Message)
{
    public static IsolationResponse From(IsolationResult result) =>
        new(result.CustomerCode, result.Status.ToString(), result.AppliedOnRouter, result.AlreadyDone, result.Message);
}
