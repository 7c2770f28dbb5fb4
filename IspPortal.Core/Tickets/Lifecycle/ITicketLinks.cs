using IspPortal.Core.Common;

namespace IspPortal.Core.Tickets.Lifecycle;

/// <summary>
/// Links in ticket messages: the customer's public page for a ticket (confirm the fix, rate it),
/// which carries a token nobody can guess or turn into another ticket's, and the staff page.
/// </summary>
[FeatureApi]
public interface ITicketLinks
{
    /// <summary>The customer's page, <c>{link_tiket}</c> in customer messages.</summary>
    /// <param name="version">The ticket's <see cref="Ticket.CustomerLinkVersion"/>: a link made for an older one is revoked.</param>
    string ForCustomer(string ticketNumber, int version);

    /// <returns>The ticket and link version the token was made for; null for a token this portal did not make.</returns>
    LinkTarget? Read(string token);

    /// <summary>The ticket in the portal, for staff (escalation notices).</summary>
    string ForStaff(int ticketId);
}
