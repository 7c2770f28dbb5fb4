namespace IspPortal.Core.Settings;

/// <summary>One group of settings (table <c>settings</c>), stored as JSON under its key.</summary>
public class Setting
{
    public string Key { get; set; } = "";

    public string Value { get; set; } = "{}";

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }
}
