using System.Diagnostics.CodeAnalysis;
using IspPortal.Infrastructure.Network.RouterOs;

namespace IspPortal.Infrastructure.StandIns.RouterOs;

/// <summary>The bookkeeping of commands in flight: stalls for tests and what <c>/cancel</c> takes over.</summary>
public sealed partial class RouterOsSimulator
{
    private sealed class Stall(int afterRows)
    {
        public int AfterRows => afterRows;

        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>A command whose replies are still being written; /cancel takes its remaining replies over.</summary>
    [SuppressMessage("Reliability", "CA1001", Justification = "A SemaphoreSlim whose wait handle is never used holds nothing to release.")]
    private sealed class RunningCommand(string? tag, CancellationTokenSource cancellation)
    {
        private readonly SemaphoreSlim _gate = new(1, 1);

        public string? Tag => tag;

        public CancellationTokenSource Cancellation => cancellation;

        public bool Interrupted { get; private set; }

        private bool _finished;

        /// <returns>False when the command was interrupted before it could finish.</returns>
        public async Task<bool> SendAsync(ClientSession session, List<ApiSentence> sentences)
        {
            await _gate.WaitAsync();
            try
            {
                if (Interrupted)
                    return false;
                if (sentences.Count > 0)
                    await session.SendAsync(sentences);
                if (sentences.Count > 0 && sentences[^1].Type == "!done")
                    _finished = true;
                return true;
            }
            finally
            {
                _gate.Release();
            }
        }

        /// <summary>Releases the command's cancellation, which hangs on the connection's until disposed.</summary>
        public async Task EndAsync()
        {
            await _gate.WaitAsync();
            try
            {
                _finished = true;
                cancellation.Dispose();
            }
            finally
            {
                _gate.Release();
            }
        }

        /// <returns>True when the command was still running and is now interrupted.</returns>
        public async Task<bool> StopAsync()
        {
            await _gate.WaitAsync();
            try
            {
                if (_finished)
                    return false;
                Interrupted = true;
                await cancellation.CancelAsync();
                return true;
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}
