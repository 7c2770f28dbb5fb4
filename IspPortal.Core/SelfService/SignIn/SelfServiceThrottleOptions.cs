using System.ComponentModel.DataAnnotations;

namespace IspPortal.Core.SelfService.SignIn;

/// <summary>
/// Limits on sign-in codes (<c>SelfService:Throttle</c>). A code costs a WhatsApp message and six digits
/// fall to guessing without a limit: per login, a few codes a quarter hour and a day's ceiling; per
/// client address, more (a household or an office NAT), for requests and for wrong codes alike.
/// </summary>
public sealed class SelfServiceThrottleOptions
{
    public const string Section = "SelfService:Throttle";

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    [Range(1, 100)]
    public int CodesPerLogin { get; set; } = 3;

    [Range(1, 1000)]
    public int CodesPerLoginPerDay { get; set; } = 10;

    [Range(1, 1000)]
    public int CodesPerAddress { get; set; } = 10;

    [Range(1, 1000)]
    public int WrongCodesPerAddress { get; set; } = 20;
}
