using System.ComponentModel;
using IspPortal.Core.Common;
using IspPortal.Core.SelfService.Package;
using IspPortal.Web.Features.SelfService.Authentication;
using IspPortal.Web.Shell;
using IspPortal.Web.Shell.Api;

namespace IspPortal.Web.Features.SelfService.Endpoints;

/// <param name="Current">The customer's package now.</param>
/// <param name="Pending">Scheduled to start at the pending change's <c>from</c>.</param>
public sealed record PortalPackageChoice(int Id, string Name, int DownloadMbps, int UploadMbps, decimal MonthlyPrice, bool Current, bool Pending);

/// <param name="From">The first day of the month the new package is billed and applied.</param>
public sealed record PortalPendingPackage(int PackageId, string Name, decimal MonthlyPrice, DateOnly From);

/// <param name="SelfServiceChanges">True: a choice is scheduled from next month; false: it opens a request ticket for staff.</param>
/// <param name="OpenRequestTicket">The number of the request ticket still waiting for staff.</param>
public sealed record PortalPackages(bool SelfServiceChanges, IReadOnlyList<PortalPackageChoice> Packages, PortalPendingPackage? PendingChange, string? OpenRequestTicket)
{
    public static PortalPackages From(CustomerPackagesView view) => new(
        view.SelfServiceChanges,
        [.. view.Packages.Select(p => new PortalPackageChoice(p.Id, p.Name, p.DownloadMbps, p.UploadMbps, p.MonthlyPrice, p.Current, p.Pending))],
        view.Pending is { } pending ? new PortalPendingPackage(pending.PackageId, pending.PackageName, pending.MonthlyPrice, pending.From) : null,
        view.OpenRequestTicket);
}

public sealed record PackageChangeRequest([property: Description("A package id from GET /api/portal/packages"), DefaultValue(2)] int? PackageId);

/// <param name="Kind">ticket: staff were asked in the ticket <paramref name="TicketNumber"/>; scheduled: the package changes on <paramref name="From"/>.</param>
public sealed record PortalPackageChange(string Kind, string PackageName, string? TicketNumber, DateOnly? From);

/// <summary>
/// <c>/api/portal/packages</c> and <c>/api/portal/package-change</c>: the packages a customer may
/// pick and the change they ask for. A refused package is a 400 naming <c>packageId</c>; a request
/// while one is open, or a change the invoice run already billed, is 409; cancelling with nothing
/// scheduled is 404.
/// </summary>
public static class PortalPackageEndpoints
{
    public static RouteGroupBuilder MapPortalPackageEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/packages", async (HttpContext context, CustomerPackages packages, CancellationToken cancellationToken) =>
            Results.Ok(PortalPackages.From(await packages.LoadAsync(CustomerTokenAuthenticationHandler.CallerOf(context), cancellationToken))))
            .Produces<PortalPackages>();

        api.MapPost("/package-change", async (PackageChangeRequest request, HttpContext context, RequestPackageChange change, CancellationToken cancellationToken) =>
            {
                var outcome = await change.ExecuteAsync(CustomerTokenAuthenticationHandler.CallerOf(context), request.PackageId, ClientAddress.Of(context), cancellationToken);
                return outcome.Value is { } done
                    ? Results.Created($"{PortalApiEndpoints.Prefix}/packages", new PortalPackageChange(
                        done.Kind == PackageChangeKind.Ticket ? "ticket" : "scheduled", done.PackageName, done.TicketNumber, done.From))
                    : Refusal(outcome);
            })
            .Produces<PortalPackageChange>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Ask for another package: a ticket for staff, or (when the ISP allows it) a change from next month.");

        api.MapDelete("/package-change", async (HttpContext context, CancelPackageChange cancel, CancellationToken cancellationToken) =>
            {
                var outcome = await cancel.ForCustomerAsync(CustomerTokenAuthenticationHandler.CallerOf(context), ClientAddress.Of(context), cancellationToken);
                return outcome.Succeeded ? Results.NoContent()
                    : outcome.FirstError == CancelPackageChange.NothingPending
                        ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Tidak ditemukan", detail: outcome.FirstError)
                        : Refusal(outcome);
            })
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    /// <summary>A refused field: 400 naming it; the customer's or the request's state (field ""): 409.</summary>
    private static IResult Refusal<T>(Outcome<T> outcome) =>
        outcome.Errors.Keys.All(k => k.Length == 0)
            ? Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Paket tidak dapat diganti", detail: outcome.FirstError)
            : outcome.ToValidationProblem();
}
