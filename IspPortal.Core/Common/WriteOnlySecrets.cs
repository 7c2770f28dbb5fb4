namespace IspPortal.Core.Common;

/// <summary>A secret in a write-only settings field: the form never shows it back, so a blank field means "keep it".</summary>
public static class WriteOnlySecrets
{
    /// <returns>What <paramref name="typed"/> encrypts to (trimmed), or <paramref name="stored"/> when nothing was typed.</returns>
    public static string? ProtectOrKeep(this ISecretProtector secrets, SecretKind kind, string? typed, string? stored) =>
        string.IsNullOrWhiteSpace(typed) ? stored : secrets.Protect(kind, typed.Trim());
}
