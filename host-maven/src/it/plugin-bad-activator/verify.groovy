def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log =~ /arkpack failed \(exit 4\).*<activator>.*com\.example\.plugin\.MissingActivator/ : 'the failure must name <activator> and the class'
assert !new File(basedir, 'target/plugin-bad-activator.ark.plugin').exists() : 'no plugin is left behind'
return true
