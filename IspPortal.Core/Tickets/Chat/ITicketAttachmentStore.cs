using IspPortal.Core.Common;

namespace IspPortal.Core.Tickets.Chat;

/// <summary>
/// Files on ticket messages: images (JPEG, PNG, WebP: decoded and stripped of metadata like customer
/// photos) and PDFs (recognised by their first bytes, not their name), at most <see cref="MaxBytes"/>,
/// stored outside the web root under random names and served only to staff who may read tickets
/// and to the ticket's own customer.
/// </summary>
[FeatureApi]
public interface ITicketAttachmentStore
{
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <returns>The stored file, or why it was refused (Indonesian, field <c>Attachment</c>).</returns>
    Task<Outcome<StoredAttachment>> SaveAsync(Stream content, string fileName, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="SaveAsync"/>, but a photo only: a PDF is refused like any other file that is not JPEG, PNG or WebP.</summary>
    Task<Outcome<StoredAttachment>> SaveImageAsync(Stream content, string fileName, CancellationToken cancellationToken = default);

    /// <returns>Null when there is no file of that name.</returns>
    Customers.Photos.StoredPhoto? Open(string storedName);
}

/// <param name="StoredName">The store's own name (random); <paramref name="FileName"/> is the uploader's, for display and download.</param>
[FeatureApi]
public sealed record StoredAttachment(string StoredName, string FileName, string ContentType, long Size);

/// <summary>A file picked in the composer, before it is checked and stored.</summary>
public sealed record ChatUpload(string FileName, byte[] Content);
