namespace IspPortal.Core.Common;

/// <summary>The address customers reach the portal at (<c>Portal:PublicUrl</c>): links the portal sends must point here.</summary>
public sealed class PortalAddress(Uri publicUrl)
{
    public Uri PublicUrl { get; } = publicUrl;

    /// <summary>The absolute URL of a page of the portal, for messages to staff.</summary>
    public string Link(string path) => new Uri(PublicUrl, path).ToString();

    /// <summary>An absolute http(s) URL on the portal's own scheme, host and port.</summary>
    public bool IsOwn(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
        && uri.Scheme == PublicUrl.Scheme
        && string.Equals(uri.Host, PublicUrl.Host, StringComparison.OrdinalIgnoreCase)
        && uri.Port == PublicUrl.Port
        && string.IsNullOrEmpty(uri.UserInfo);
}
