namespace IspPortal.Core.Customers;

/// <summary>A service area (KCB, BDG, JKT, …); the first part of every customer code.</summary>
public class LocationCode
{
    public const int CodeMaxLength = 5;
    public const int NameMaxLength = 100;

    public int Id { get; set; }

    /// <summary>2–5 upper-case letters, unique.</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string? City { get; set; }

    public string? Description { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }
}
