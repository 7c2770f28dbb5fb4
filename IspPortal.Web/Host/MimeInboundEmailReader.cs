using IspPortal.Core.Tickets.Email;
using IspPortal.Infrastructure.Tickets;

namespace IspPortal.Web.Host;

/// <summary>The e-mail endpoint reads raw mail through Core's port; MimeKit does the reading.</summary>
public sealed class MimeInboundEmailReader : IInboundEmailReader
{
    public Task<InboundEmail> ReadAsync(Stream raw, CancellationToken cancellationToken = default) => MimeInboundEmail.ParseAsync(raw, cancellationToken);
}
