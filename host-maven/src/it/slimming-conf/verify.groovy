def log = new File(basedir, 'build.log').text
assert log.contains('conf/ark/bootstrap.properties: excludeGroupIds is not supported by arkpack-maven-plugin yet')
assert !new File(basedir, 'target/slimming-conf-1.0.0-ark-biz.jar').exists()
return true
