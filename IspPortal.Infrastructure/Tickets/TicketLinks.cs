using IspPortal.Core.Common;
using IspPortal.Core.Tickets.Lifecycle;
using IspPortal.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;

namespace IspPortal.Infrastructure.Tickets;

/// <summary>The customer's ticket page <c>{PublicUrl}/tiket/{token}</c> and the staff page <c>{PublicUrl}/tickets/{id}</c>.</summary>
public sealed class TicketLinks(IDataProtectionProvider provider, string publicUrl) : ITicketLinks
{
    public const string CustomerPagePath = "/tiket";

    private readonly ProtectedLinkTokens _tokens = new(provider, "IspPortal.Tickets.CustomerLink.v1");
    private readonly string _baseUrl = publicUrl.TrimEnd('/');

    public string ForCustomer(string ticketNumber, int version) => $"{_baseUrl}{CustomerPagePath}/{_tokens.Protect(new LinkTarget(ticketNumber, version))}";

    public LinkTarget? Read(string token) => _tokens.Unprotect(token);

    public string ForStaff(int ticketId) => $"{_baseUrl}/tickets/{ticketId}";
}
