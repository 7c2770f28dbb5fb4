namespace IspPortal.Core.Tickets.Intake;

/// <summary>Reads a raw e-mail (RFC 5322, as the mail server forwards it) into what the intake needs.</summary>
public interface IInboundEmailReader
{
    /// <exception cref="FormatException">The bytes are not a readable e-mail.</exception>
    Task<InboundEmail> ReadAsync(Stream raw, CancellationToken cancellationToken = default);
}
