def log = new File(basedir, 'build.log').text
assert log.contains('<excludeGroupIds> is not supported by arkpack-maven-plugin yet (module slimming arrives in a later release); remove it or use com.alipay.sofa:sofa-ark-maven-plugin')
assert !new File(basedir, 'target/slimming-param-1.0.0-ark-biz.jar').exists()
return true
