using IspPortal.Core.Common;

namespace IspPortal.Web.Shell.Components;

/// <summary>
/// The HTTP status of a customer's link page (pay, ticket): 410 Gone for a revoked or expired link,
/// so link checkers and monitoring tell it from a page that works; the page still renders its
/// Indonesian explanation. A token this portal did not make stays 200 with its explanation: .NET 10
/// sends a component's 404 without a body (it expects the not-found page to be re-executed, which
/// for a visitor is the sign-in page).
/// </summary>
public static class LinkPageStatus
{
    public static void Set(HttpContext? context, LinkState state)
    {
        if (context is null || context.Response.HasStarted)
            return;
        context.Response.StatusCode = state is LinkState.Revoked or LinkState.Expired ? StatusCodes.Status410Gone : StatusCodes.Status200OK;
    }
}
