using IspPortal.Core.Common;

namespace IspPortal.Core.Billing.Documents;

/// <summary>The last number given out in one scope (table <c>document_sequences</c>); see <see cref="IDocumentSequences"/>.</summary>
[NotAudited]
public class DocumentSequence
{
    public const int ScopeMaxLength = 64;

    private DocumentSequence() { }

    public DocumentSequence(string scope, long lastValue)
    {
        Scope = scope;
        LastValue = lastValue;
    }

    public string Scope { get; private set; } = "";

    public long LastValue { get; private set; }
}
