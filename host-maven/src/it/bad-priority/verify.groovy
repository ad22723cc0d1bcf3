def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log =~ /arkpack failed \(exit 4\).*<priority>.*"high" is not an integer/ : 'the failure must name <priority> and the bad value'
assert !new File(basedir, 'target/bad-priority-1.0.0-ark-biz.jar').exists()
return true
