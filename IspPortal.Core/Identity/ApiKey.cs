namespace IspPortal.Core.Identity;

/// <summary>
/// A key for the REST API. Only its SHA-256 hash is stored; the prefix finds the row and is
/// shown to admins so they can tell keys apart.
/// </summary>
public class ApiKey
{
    public const int PrefixLength = 8;

    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string Prefix { get; set; } = "";

    public string KeyHash { get; set; } = "";

    /// <summary>Permission names (see <see cref="Permissions"/>) this key may use.</summary>
    public List<string> Permissions { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsActive => RevokedAt is null;
}
