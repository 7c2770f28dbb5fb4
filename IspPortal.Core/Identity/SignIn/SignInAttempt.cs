using IspPortal.Core.Common;

namespace IspPortal.Core.Identity.SignIn;

/// <summary>
/// One sign-in attempt (table <c>sign_in_attempts</c>), kept for the throttle's window: who was tried
/// (the normalized name, whether or not such a user exists) from which client address, and whether
/// the password (or second-factor code) was right.
/// </summary>
[NotAudited]
public class SignInAttempt
{
    public const int UserNameMaxLength = 256;
    public const int AddressMaxLength = 64;

    public long Id { get; set; }

    public string UserName { get; set; } = "";

    public string Address { get; set; } = "";

    public bool Succeeded { get; set; }

    public DateTimeOffset AttemptedAt { get; set; }
}
