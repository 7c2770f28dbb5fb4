using IspPortal.Core.Customers;
using IspPortal.Core.Customers.Registration;

namespace IspPortal.Web.Features.Customers.Components;

/// <summary>What the wizard's fields hold while the agent fills them in (MudBlazor binds to settable, nullable members).</summary>
public sealed class RegistrationModel
{
    public string? FullName { get; set; }
    public string? Nik { get; set; }
    public DateTime? BirthDate { get; set; }
    public string? KtpPhoto { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public string? Village { get; set; }
    public string? District { get; set; }
    public string? City { get; set; }
    public string? Province { get; set; }
    public string? PostalCode { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? HousePhoto { get; set; }
    public int? LocationCodeId { get; set; }
    public bool UsePool { get; set; }
    public int? RouterId { get; set; }
    public int? RouterPoolId { get; set; }
    public int? ServicePackageId { get; set; }
    public DateTime? InstallationDate { get; set; }
    public Guid? TechnicianId { get; set; }
    public string? Notes { get; set; }

    public CustomerProfileInput ToProfile() =>
        new(FullName ?? "", Nik, BirthDate is { } birth ? DateOnly.FromDateTime(birth) : null, Phone ?? "", Email, Address, Village, District, City, Province, PostalCode,
            Latitude, Longitude, Notes);

    public ServiceChoice ToService() =>
        new(LocationCodeId ?? 0, UsePool ? null : RouterId ?? 0, UsePool ? RouterPoolId ?? 0 : null, ServicePackageId ?? 0,
            InstallationDate is { } date ? DateOnly.FromDateTime(date) : null, TechnicianId);

    public RegistrationInput ToInput() => new(ToProfile(), ToService(), KtpPhoto, HousePhoto);
}
