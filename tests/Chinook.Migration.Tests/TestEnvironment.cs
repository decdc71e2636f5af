using System;
using System.IO;
using System.Runtime.CompilerServices;
using Chinook.Migration.Target.Writing;

namespace Chinook.Migration.Tests
{
    /// <summary>Before any test: a checkpoint that names no file goes to a scratch folder, never to the user's data folder.</summary>
    internal static class TestEnvironment
    {
        [ModuleInitializer]
        internal static void KeepCheckpointsOutOfTheUsersHome()
        {
            Environment.SetEnvironmentVariable(CheckpointFile.FolderVariable,
                Path.Combine(Path.GetTempPath(), "chinook-tests", "checkpoints-" + Guid.NewGuid().ToString("N")));
        }
    }
}
