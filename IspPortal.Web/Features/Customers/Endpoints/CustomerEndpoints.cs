using System.ComponentModel;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Customers.Photos;
using IspPortal.Core.Customers.Registration;
using IspPortal.Core.Identity;
using IspPortal.Core.Network.Isolation;
using IspPortal.Core.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using IspPortal.Web.Features.Network.Endpoints;
using IspPortal.Web.Shell.Api;

namespace IspPortal.Web.Features.Customers.Endpoints;

public static class CustomerEndpoints
{
    /// <summary>Core field names the API calls differently (it names things by code).</summary>
    private static readonly Dictionary<string, string> ApiFieldNames = new()
    {
        [nameof(ServiceChoice.LocationCodeId)] = "locationCode",
        [nameof(ServiceChoice.RouterId)] = "routerCode",
        [nameof(ServiceChoice.ServicePackageId)] = "packageCode",
    };

    public static RouteGroupBuilder MapCustomerEndpoints(this RouteGroupBuilder api)
    {
        var customers = api.MapGroup("/customers").WithTags("Customers");

        customers.MapGet("/", async (CustomerList list, int? page, int? pageSize, string? search, CustomerStatus? status, CancellationToken cancellationToken) =>
            {
                var result = await list.PageAsync(new PageRequest(page ?? 0, Math.Clamp(pageSize ?? 25, 1, PageRequest.MaxPageSize), search), new CustomerFilter(Status: status), cancellationToken);
                return TypedResults.Ok(new CustomerPage(result.Items.Select(CustomerSummary.From).ToList(), result.Total, result.TotalKind.ToString(), page ?? 0, Math.Clamp(pageSize ?? 25, 1, PageRequest.MaxPageSize)));
            })
            .RequireAuthorization(Permissions.CustomersRead)
            .WithSummary("Customers, newest first; search by code, name, phone, PPPoE username or NIK");

        customers.MapGet("/{id}", async Task<Results<Ok<CustomerDto>, ProblemHttpResult>> (string id, CustomerDetails details, CancellationToken cancellationToken) =>
                await details.LoadAsync(id, cancellationToken) is { } view
                    ? TypedResults.Ok(CustomerDto.From(view))
                    : TypedResults.Problem(statusCode: 404, title: "Pelanggan tidak ditemukan", detail: $"Tidak ada pelanggan '{id}'."))
            .RequireAuthorization(Permissions.CustomersRead)
            .WithSummary("One customer by code (e.g. KCB-CKP010225-001) or numeric id");

        customers.MapPost("/", async (CreateCustomerRequest request, RegisterCustomer register, IspClock clock, CancellationToken cancellationToken) =>
            {
                var service = await register.ResolveCodesAsync(request.LocationCode, request.RouterCode, request.RouterPoolId, request.PackageCode, request.InstallationDate, cancellationToken);
                var profile = request.ToProfile();
                if (!service.Succeeded)
                {
                    var (_, profileErrors) = CustomerProfile.Validate(profile, await clock.TodayAsync(cancellationToken));
                    var all = new FieldErrors();
                    foreach (var (field, messages) in profileErrors.ToDictionary().Concat(service.Errors))
                        foreach (var message in messages)
                            all.Add(field, message);
                    return Problem(Outcome.Refused<RegistrationResult>(all));
                }
                var outcome = await register.ExecuteAsync(new RegistrationInput(profile, service.Value!, request.KtpPhoto, request.HousePhoto, RegistrationChannel.Api), cancellationToken);
                return outcome.Value is { } result
                    ? Results.Created($"/api/customers/{Uri.EscapeDataString(result.Code)}", CreatedCustomer.From(result))
                    : Problem(outcome);
            })
            .RequireAuthorization(Permissions.CustomersWrite)
            .Produces<CreatedCustomer>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .WithSummary("Register a customer (PSB): the same rules as the wizard; the PPPoE password is returned only here");

        customers.MapPost("/photos", async (IFormFile file, ICustomerPhotoStore photos, CancellationToken cancellationToken) =>
            {
                await using var content = file.OpenReadStream();
                var saved = await photos.SaveAsync(content, cancellationToken);
                return saved.Succeeded
                    ? Results.Ok(new UploadedPhoto(saved.Value!))
                    : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [saved.FirstError] }, title: "Foto ditolak", detail: saved.FirstError);
            })
            .RequireAuthorization(Permissions.CustomersWrite)
            .DisableAntiforgery()
            .Produces<UploadedPhoto>()
            .ProducesValidationProblem()
            .WithSummary("Upload a KTP or house photo (JPEG/PNG/WebP, max 8 MB; EXIF removed); pass the returned name as ktpPhoto/housePhoto");

        customers.MapPost("/{id}/activate", async (string id, ActivateRequest? request, CustomerDetails details, CustomerIsolation isolation, CancellationToken cancellationToken) =>
            {
                if (await details.LoadAsync(id, cancellationToken) is not { } view)
                    return TypedResults.Problem(statusCode: 404, title: "Pelanggan tidak ditemukan", detail: $"Tidak ada pelanggan '{id}'.");
                var outcome = await isolation.ActivateAsync(view.Profile.Code, request?.Reason ?? "Diaktifkan melalui API", StatusChangeSource.Api, cancellationToken);
                return outcome.Value is { } result ? Results.Ok(IsolationResponse.From(result)) : outcome.ToValidationProblem();
            })
            .RequireAuthorization(Permissions.NetworkOperate)
            .Produces<IsolationResponse>()
            .ProducesValidationProblem()
            .WithSummary("Activate an isolated customer (code or id); the router is changed at once");

        return customers;
    }

    private static IResult Problem<T>(Outcome<T> outcome) =>
        Outcome.Refused<T>(Renamed(outcome.Errors)).ToValidationProblem();

    private static FieldErrors Renamed(IReadOnlyDictionary<string, string[]> errors)
    {
        var renamed = new FieldErrors();
        foreach (var (field, messages) in errors)
            foreach (var message in messages)
                renamed.Add(ApiFieldNames.GetValueOrDefault(field, field), message);
        return renamed;
    }
}

/// <summary>A new customer, with the field names the customer API publishes (camelCase JSON).</summary>
public sealed record CreateCustomerRequest(
    [property: Description("Full name as on the KTP"), DefaultValue("Siti Nurhaliza")] string? FullName,
    [property: Description("16-digit NIK; checked for province code and embedded birth date"), DefaultValue("3201014501900001")] string? Nik,
    [property: Description("WhatsApp number: 0812…, 62812… or +62 812-…; stored as E.164"), DefaultValue("0812-3456-7890")] string? Phone,
    string? Email,
    [property: DefaultValue("Jl. Ahmad Yani No. 12, Cikampek")] string? Address,
    string? Village,
    string? District,
    string? City,
    string? Province,
    string? PostalCode,
    [property: DefaultValue(-6.4103)] double? Latitude,
    [property: DefaultValue(107.4584)] double? Longitude,
    [property: Description("Location code, e.g. KCB"), DefaultValue("KCB")] string? LocationCode,
    [property: Description("Router code, e.g. CKP; or give routerPoolId"), DefaultValue("CKP")] string? RouterCode,
    [property: Description("A router pool: its least-loaded reachable member is chosen")] int? RouterPoolId,
    [property: Description("Service package code, e.g. HOME-20"), DefaultValue("HOME-20")] string? PackageCode,
    DateOnly? InstallationDate,
    [property: Description("Name returned by POST /api/customers/photos")] string? KtpPhoto,
    [property: Description("Name returned by POST /api/customers/photos")] string? HousePhoto,
    string? Notes)
{
    public CustomerProfileInput ToProfile() =>
        new(FullName ?? "", Nik, null, Phone ?? "", Email, Address, Village, District, City, Province, PostalCode, Latitude, Longitude, Notes);
}

/// <param name="PppoePassword">Returned only in this response; stored encrypted.</param>
public sealed record CreatedCustomer(int Id, string Code, string PppoeUsername, string PppoePassword, string RouterCode, bool Provisioned, string Message)
{
    public static CreatedCustomer From(RegistrationResult r) => new(r.CustomerId, r.Code, r.PppoeUsername, r.PppoePassword, r.RouterCode, r.Provisioned, r.Message);
}

public sealed record UploadedPhoto(string Name);

public sealed record ActivateRequest(string? Reason);

/// <param name="TotalKind">Exact; Estimated (the database's estimate, for more than 10,000 matches); or AtLeast (more than Total).</param>
public sealed record CustomerPage(IReadOnlyList<CustomerSummary> Items, int Total, string TotalKind, int Page, int PageSize);

public sealed record CustomerSummary(int Id, string Code, string FullName, string Phone, string? PppoeUsername, string Status, string Connection, string Package, string? RouterCode, string LocationCode, DateTimeOffset RegisteredAt)
{
    public static CustomerSummary From(CustomerRow r) =>
        new(r.Id, r.Code, r.FullName, r.Phone, r.PppoeUsername, r.Status.ToString(), r.Connection.ToString(), r.PackageName, r.RouterCode, r.LocationCode, r.RegisteredAt);
}

public sealed record CustomerDto(
    int Id, string Code, string FullName, string? NikMasked, string Phone, string? Email, string? Address, double? Latitude, double? Longitude,
    string Status, string Package, string LocationCode, string? RouterCode, string? PppoeUsername,
    string Connection, string? IpAddress, DateTimeOffset? LastSeenAt, DateTimeOffset RegisteredAt)
{
    public static CustomerDto From(CustomerView v) =>
        new(v.Profile.Id, v.Profile.Code, v.Profile.FullName, v.Profile.NikMasked, v.Profile.Phone, v.Profile.Email, v.Profile.Address, v.Profile.Latitude, v.Profile.Longitude,
            v.Profile.Status.ToString(), v.Profile.PackageName, v.Profile.LocationCode, v.Profile.RouterCode,
            v.Secrets.FirstOrDefault(s => !s.IsReplica)?.Username, v.Connection.State.ToString(), v.Connection.Address?.ToString(), v.Connection.LastSeenAt, v.Profile.RegisteredAt);
}
