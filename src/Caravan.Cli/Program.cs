using System.CommandLine;

var root = new RootCommand("Caravan — the open digital trade corridor between China, Central Asia, the Caucasus, Türkiye and Europe.");
return root.Parse(args).Invoke();
