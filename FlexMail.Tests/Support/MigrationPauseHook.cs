using System.Diagnostics;

#pragma warning disable CA1050 // The runtime finds a startup hook by this exact name, outside any namespace.
/// <summary>
/// A .NET startup hook (<c>DOTNET_STARTUP_HOOKS</c>) that a test loads into a child portal process: when EF Core starts
/// applying a migration (with its migration lock taken), it writes the file named by <see cref="PauseFileVariable"/> and
/// blocks that migration for ever, so that the test can kill the process exactly there.
/// </summary>
internal static class StartupHook
#pragma warning restore CA1050
{
    public const string PauseFileVariable = "FLEXMAIL_TEST_MIGRATION_PAUSE_FILE";

    private const string MigrationApplying = "Microsoft.EntityFrameworkCore.Migrations.MigrationApplying";

    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable(PauseFileVariable) is not { Length: > 0 } pauseFile)
        {
            return;
        }
        DiagnosticListener.AllListeners.Subscribe(new Listeners(pauseFile));
    }

    private sealed class Listeners(string pauseFile) : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == "Microsoft.EntityFrameworkCore")
            {
                value.Subscribe(new Events(pauseFile));
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed class Events(string pauseFile) : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == MigrationApplying)
            {
                File.WriteAllText(pauseFile, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
                new ManualResetEventSlim().Wait(); // the test kills the process here
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
