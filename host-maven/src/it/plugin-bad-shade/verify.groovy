def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log =~ /arkpack failed \(exit 4\).*<shades>.*com\.google\.guava:guava:33\.0\.0-jre/ : 'the failure must name <shades> and the item'
assert !new File(basedir, 'target/plugin-bad-shade.ark.plugin').exists() : 'no plugin is left behind'
return true
