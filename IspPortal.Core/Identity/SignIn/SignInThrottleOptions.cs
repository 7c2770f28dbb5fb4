namespace IspPortal.Core.Identity.SignIn;

/// <summary>The sign-in throttle's numbers (configuration section <c>SignIn</c>, see .env.example).</summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "SignIn";

    /// <summary>Failed attempts one client address may make in <see cref="Window"/>, whatever names it tries.</summary>
    public int MaxAttemptsPerAddress { get; set; } = 20;

    /// <summary>Failed attempts for one user name from one address in <see cref="Window"/>.</summary>
    public int MaxAttemptsPerUser { get; set; } = 5;

    /// <summary>
    /// Failed attempts for one user name from all addresses together in <see cref="Window"/>; past it the
    /// name is refused everywhere except from addresses it signed in from within <see cref="KnownAddressFor"/>.
    /// </summary>
    public int MaxAttemptsPerUserEverywhere { get; set; } = 50;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan KnownAddressFor { get; set; } = TimeSpan.FromDays(30);
}
