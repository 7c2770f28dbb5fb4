using IspPortal.Core.Common;

namespace IspPortal.Core.Customers.Photos;

/// <summary>
/// KTP and house photos: only JPEG, PNG or WebP that really decode as such, at most
/// <see cref="MaxBytes"/>; stored outside the web root under a random name with their metadata
/// (EXIF location included) removed, and served only to signed-in staff.
/// </summary>
[FeatureApi]
public interface ICustomerPhotoStore
{
    public const long MaxBytes = 8 * 1024 * 1024;

    public static readonly IReadOnlyList<string> AcceptedContentTypes = ["image/jpeg", "image/png", "image/webp"];

    /// <returns>The stored photo's name, or why it was refused (Indonesian, field "").</returns>
    Task<Outcome<string>> SaveAsync(Stream content, CancellationToken cancellationToken = default);

    bool Exists(string name);

    /// <returns>Null when there is no photo of that name.</returns>
    StoredPhoto? Open(string name);
}

[FeatureApi]
public sealed record StoredPhoto(Stream Content, string ContentType);
