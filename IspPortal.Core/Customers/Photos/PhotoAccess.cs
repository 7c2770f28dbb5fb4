using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Customers.Photos;

/// <summary>What a stored photo is, which decides who may see it and whether a browser may keep it.</summary>
public enum PhotoKind
{
    Ktp,
    House,
    TransferProof,
    /// <summary>Uploaded in a form not saved yet (the preview): nothing refers to it.</summary>
    Unattached,
}

/// <param name="Photo">Null when the actor may not see it (the content is never opened then).</param>
public sealed record PhotoRead(PhotoKind Kind, bool Permitted, StoredPhoto? Photo)
{
    /// <summary>A KTP scan (and an unsaved upload, which may be one) is never kept by the browser.</summary>
    public string CacheControl => Kind is PhotoKind.Ktp or PhotoKind.Unattached ? "private, no-store" : "private, max-age=3600";
}

/// <summary>
/// A photo served by its kind's permission: KTP and house photos with <see cref="Permissions.CustomersRead"/>,
/// transfer proofs with <see cref="Permissions.BillingRead"/>, an upload nothing refers to yet only to
/// those who upload (customers.write, billing.record). The kind is read from what refers to the
/// photo, never from the request.
/// </summary>
public sealed class PhotoAccess(IIspDbFactory dbs, ICustomerPhotoStore photos, ICurrentUser currentUser)
{
    /// <returns>Null when there is no photo of that name.</returns>
    public async Task<PhotoRead?> OpenAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!photos.Exists(name))
            return null;
        var kind = await KindOfAsync(name, cancellationToken);
        var actor = await currentUser.GetAsync(cancellationToken);
        var permitted = kind switch
        {
            PhotoKind.Ktp or PhotoKind.House => actor.Holds(Permissions.CustomersRead),
            PhotoKind.TransferProof => actor.Holds(Permissions.BillingRead),
            _ => actor.Holds(Permissions.CustomersWrite) || actor.Holds(Permissions.BillingRecord),
        };
        if (!permitted)
            return new PhotoRead(kind, false, null);
        return photos.Open(name) is { } photo ? new PhotoRead(kind, true, photo) : null;
    }

    private async Task<PhotoKind> KindOfAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        if (await db.Customers.AnyAsync(c => c.KtpPhotoPath == name, cancellationToken))
            return PhotoKind.Ktp;
        if (await db.Payments.AnyAsync(p => p.ProofPath == name, cancellationToken))
            return PhotoKind.TransferProof;
        if (await db.Customers.AnyAsync(c => c.HousePhotoPath == name, cancellationToken))
            return PhotoKind.House;
        return PhotoKind.Unattached;
    }
}
