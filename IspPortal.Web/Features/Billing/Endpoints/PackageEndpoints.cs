using IspPortal.Core.Billing;
using IspPortal.Core.Billing.ServicePackages;
using IspPortal.Core.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using IspPortal.Web.Shell.Api;

namespace IspPortal.Web.Features.Billing.Endpoints;

public static class PackageEndpoints
{
    public static RouteGroupBuilder MapPackageEndpoints(this RouteGroupBuilder api)
    {
        var packages = api.MapGroup("/packages").WithTags("Packages");

        packages.MapGet("/", async (ServicePackageList list, bool? activeOnly, CancellationToken cancellationToken) =>
                (await list.AllAsync(activeOnly ?? false, cancellationToken)).Select(PackageDto.From))
            .RequireAuthorization(Permissions.ReferenceDataRead)
            .WithSummary("Service packages with their codes");

        packages.MapGet("/{code}", async Task<Results<Ok<PackageDto>, ProblemHttpResult>> (string code, ServicePackageList list, CancellationToken cancellationToken) =>
            {
                var package = (await list.AllAsync(false, cancellationToken))
                    .FirstOrDefault(p => string.Equals(p.Code, code, StringComparison.OrdinalIgnoreCase));
                return package is null
                    ? TypedResults.Problem(statusCode: 404, title: "Paket tidak ditemukan", detail: $"Tidak ada paket dengan kode '{code}'.")
                    : TypedResults.Ok(PackageDto.From(package));
            })
            .RequireAuthorization(Permissions.ReferenceDataRead)
            .WithSummary("One service package by code");

        packages.MapPost("/", async (PackageRequest request, SaveServicePackage save, CancellationToken cancellationToken) =>
            {
                var outcome = await save.ExecuteAsync(request.ToInput(), cancellationToken);
                return outcome.Succeeded
                    ? Results.Created($"/api/packages/{outcome.Value!.Code}", PackageDto.From(outcome.Value))
                    : outcome.ToValidationProblem();
            })
            .RequireAuthorization(Permissions.ReferenceDataWrite)
            .ProducesValidationProblem()
            .WithSummary("Create a service package");

        return packages;
    }
}

public sealed record PackageDto(int Id, string Code, string Name, int DownloadMbps, int UploadMbps, string MikrotikProfile, decimal MonthlyPrice, bool IsTaxable, bool IsActive)
{
    public static PackageDto From(ServicePackage p) =>
        new(p.Id, p.Code, p.Name, p.DownloadMbps, p.UploadMbps, p.MikrotikProfile, p.MonthlyPrice, p.IsTaxable, p.IsActive);
}

public sealed record PackageRequest(string? Code, string? Name, int DownloadMbps, int UploadMbps, string? MikrotikProfile, decimal MonthlyPrice, bool IsTaxable, string? Description)
{
    public ServicePackageInput ToInput() =>
        new(null, Code ?? "", Name ?? "", DownloadMbps, UploadMbps, MikrotikProfile ?? "", MonthlyPrice, IsTaxable, Description);
}
