using IspPortal.Core.Common;
using IspPortal.Core.Customers.Photos;
using IspPortal.Core.Identity;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Customers.Service;

/// <summary>
/// Edits a customer's own details with the wizard's rules. The audit trail records every changed
/// field (the NIK masked); a moved pin is also kept in the location history with the reason.
/// </summary>
public sealed class UpdateCustomerProfile(
    IIspDbFactory dbs, ISecretProtector secrets, IKeyedHasher hasher, ICustomerPhotoStore photos, ICurrentUser currentUser, IspClock ispClock, TimeProvider clock)
{
    /// <summary>The current details, NIK decrypted, for the edit form.</summary>
    public async Task<(CustomerProfileInput Input, string? KtpPhoto, string? HousePhoto)?> ForEditAsync(string customerCode, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var c = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Code == customerCode, cancellationToken);
        return c is null ? null
            : (new CustomerProfileInput(c.FullName, c.NikEncrypted is { } nik ? secrets.Unprotect(SecretKind.Nik, nik) : null, c.BirthDate, c.Phone, c.Email,
                c.Address, c.Village, c.District, c.City, c.Province, c.PostalCode, c.Latitude, c.Longitude, c.Notes), c.KtpPhotoPath, c.HousePhotoPath);
    }

    public async Task<Outcome<string>> ExecuteAsync(string customerCode, CustomerProfileInput input, string? ktpPhoto, string? housePhoto,
        string? moveReason = null, CancellationToken cancellationToken = default)
    {
        var (profile, errors) = CustomerProfile.Validate(input, await ispClock.TodayAsync(cancellationToken));
        errors.When(ktpPhoto is not null && !photos.Exists(ktpPhoto), nameof(ktpPhoto), "Foto tidak ditemukan; unggah ulang.")
            .When(housePhoto is not null && !photos.Exists(housePhoto), nameof(housePhoto), "Foto tidak ditemukan; unggah ulang.");
        if (errors.Any)
            return Outcome.Refused<string>(errors);

        await using var db = await dbs.CreateAsync(cancellationToken);
        var customer = await db.Customers.SingleOrDefaultAsync(c => c.Code == customerCode, cancellationToken);
        if (customer is null)
            return Outcome.Refused<string>("", $"Pelanggan {customerCode} tidak ditemukan.");

        var now = clock.GetUtcNow();
        var actor = await currentUser.GetAsync(cancellationToken);
        var currentNik = customer.NikEncrypted is { } stored ? secrets.Unprotect(SecretKind.Nik, stored) : null;
        if (currentNik != profile!.Nik.Value)
        {
            customer.NikEncrypted = secrets.Protect(SecretKind.Nik, profile.Nik.Value);
            customer.NikHash = await hasher.HashAsync(profile.Nik.Value, cancellationToken);
        }
        customer.FullName = profile.FullName;
        customer.BirthDate = profile.Nik.BirthDate;
        customer.Phone = profile.Phone;
        customer.Email = profile.Email;
        customer.Address = profile.Address;
        customer.Village = profile.Village;
        customer.District = profile.District;
        customer.City = profile.City;
        customer.Province = profile.Province;
        customer.PostalCode = profile.PostalCode;
        customer.Notes = profile.Notes;
        customer.KtpPhotoPath = ktpPhoto;
        customer.HousePhotoPath = housePhoto;
        customer.MarkEdited(now);
        if (profile.Latitude is { } latitude && profile.Longitude is { } longitude
            && customer.MoveTo(latitude, longitude, now, actor.UserId, string.IsNullOrWhiteSpace(moveReason) ? "Diubah di data pelanggan" : moveReason.Trim()) is { } moved)
        {
            db.CustomerLocationHistory.Add(moved);
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done($"Data pelanggan {customer.Code} tersimpan.");
    }
}
