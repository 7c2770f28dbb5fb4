using System.Text.RegularExpressions;
using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Customers.LocationCodes;

public sealed record LocationCodeInput(int? Id, string Code, string Name, string? City, string? Description, bool IsActive = true);

public sealed partial class SaveLocationCode(IIspDbFactory dbs, SaveGuard guard, TimeProvider clock)
{
    public const string CodeUniqueIndex = "ix_location_codes_code";

    public async Task<Outcome<LocationCode>> ExecuteAsync(LocationCodeInput input, CancellationToken cancellationToken = default)
    {
        var code = input.Code.Trim().ToUpperInvariant();
        var name = input.Name.Trim();
        var errors = new FieldErrors()
            .When(!CodeFormat().IsMatch(code), nameof(input.Code), "Kode lokasi harus 2–5 huruf, misalnya KCB.")
            .When(name.Length == 0, nameof(input.Name), "Nama lokasi wajib diisi.")
            .When(name.Length > LocationCode.NameMaxLength, nameof(input.Name), $"Nama lokasi paling banyak {LocationCode.NameMaxLength} karakter.");
        if (errors.Any)
            return Outcome.Refused<LocationCode>(errors);

        await using var db = await dbs.CreateAsync(cancellationToken);
        LocationCode? location;
        if (input.Id is { } id)
        {
            location = await db.LocationCodes.SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
            if (location is null)
                return Outcome.Refused<LocationCode>("", "Kode lokasi tidak ditemukan; mungkin sudah dihapus.");
        }
        else
        {
            location = new LocationCode { CreatedAt = clock.GetUtcNow() };
            db.LocationCodes.Add(location);
        }

        location.Code = code;
        location.Name = name;
        location.City = string.IsNullOrWhiteSpace(input.City) ? null : input.City.Trim();
        location.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        location.IsActive = input.IsActive;

        return await guard.SaveAsync(db, location, new Dictionary<string, (string, string)>
        {
            [CodeUniqueIndex] = (nameof(input.Code), $"Kode lokasi {code} sudah dipakai."),
        }, cancellationToken: cancellationToken);
    }

    [GeneratedRegex("^[A-Z]{2,5}$")]
    private static partial Regex CodeFormat();
}
