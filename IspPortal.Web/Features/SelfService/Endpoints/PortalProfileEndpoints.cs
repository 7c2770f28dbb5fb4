using IspPortal.Core.Common;
using IspPortal.Core.SelfService.Account;
using IspPortal.Core.SelfService.Profile;
using IspPortal.Web.Features.SelfService.Authentication;
using IspPortal.Web.Shell;
using IspPortal.Web.Shell.Api;

namespace IspPortal.Web.Features.SelfService.Endpoints;

/// <param name="PendingPhone">A new number a code was sent to and that is not confirmed yet.</param>
public sealed record PortalProfile(string Code, string Name, string Phone, string? Email, string? Address, bool Reminders, string? PendingPhone, int OtherSessions)
{
    public static PortalProfile From(CustomerAccountView account) => new(
        account.Code, account.FullName, account.Phone, account.Email, account.Address, !account.RemindersOptedOut, account.PendingPhone, account.RememberedDevices);
}

public sealed record PhoneChangeRequest(string? Phone);

public sealed record PhoneConfirmRequest(string? Code);

public sealed record EmailChangeRequest(string? Email);

/// <param name="Reminders">Invoice notices and reminders (and promotions); service messages always go.</param>
public sealed record PreferencesRequest(bool? Reminders);

public sealed record PortalNotice(string Message);

/// <summary><c>/api/portal/profile</c>: the customer's contact details and what they choose to receive.</summary>
public static class PortalProfileEndpoints
{
    public static RouteGroupBuilder MapPortalProfileEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/profile", async (HttpContext context, CustomerAccount account, CancellationToken cancellationToken) =>
            Results.Ok(PortalProfile.From(await account.LoadAsync(CustomerTokenAuthenticationHandler.CallerOf(context), cancellationToken))))
            .Produces<PortalProfile>();

        api.MapPost("/profile/phone", async (PhoneChangeRequest request, HttpContext context, ChangeCustomerPhone phones, CancellationToken cancellationToken) =>
            Answer(context, await phones.RequestCodeAsync(CustomerTokenAuthenticationHandler.CallerOf(context), request.Phone, ClientAddress.Of(context), cancellationToken)))
            .Produces<PortalNotice>(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapPost("/profile/phone/confirm", async (PhoneConfirmRequest request, HttpContext context, ChangeCustomerPhone phones, CancellationToken cancellationToken) =>
            Answer(context, await phones.ConfirmAsync(CustomerTokenAuthenticationHandler.CallerOf(context), request.Code, ClientAddress.Of(context), cancellationToken)))
            .Produces<PortalNotice>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapPut("/profile/email", async (EmailChangeRequest request, HttpContext context, CustomerContactChoices choices, CancellationToken cancellationToken) =>
        {
            var changed = await choices.ChangeEmailAsync(CustomerTokenAuthenticationHandler.CallerOf(context), request.Email, ClientAddress.Of(context), cancellationToken);
            return changed.Succeeded ? Results.Ok(new PortalNotice(changed.Value!)) : changed.ToValidationProblem();
        }).Produces<PortalNotice>().ProducesValidationProblem();

        api.MapPut("/profile/preferences", async (PreferencesRequest request, HttpContext context, CustomerContactChoices choices, CancellationToken cancellationToken) =>
        {
            if (request.Reminders is not { } reminders)
                return Outcome.Refused<string>("reminders", "Pilih apakah Anda ingin menerima pemberitahuan tagihan dan pengingat (true atau false).").ToValidationProblem();
            return Results.Ok(new PortalNotice(await choices.ChooseRemindersAsync(CustomerTokenAuthenticationHandler.CallerOf(context), reminders, ClientAddress.Of(context), cancellationToken)));
        }).Produces<PortalNotice>().ProducesValidationProblem();
        return api;
    }

    private static IResult Answer(HttpContext context, PhoneChangeResult result) => result.Status switch
    {
        PhoneChangeStatus.CodeSent => Results.Accepted(value: new PortalNotice(result.Message)),
        PhoneChangeStatus.Changed => Results.Ok(new PortalNotice(result.Message)),
        PhoneChangeStatus.Throttled => PortalApiEndpoints.TooMany(context, result.Message, result.RetryAfter),
        _ => Outcome.Refused<string>(result.Field ?? "", result.Message).ToValidationProblem(),
    };
}
