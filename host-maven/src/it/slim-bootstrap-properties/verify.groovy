// IT slim-bootstrap-properties: slimming from conf/ark/bootstrap.properties (comma-separated values); lib-c stays under the kept lib-a
def check = evaluate(new File(itCommon, 'verify-helpers.groovy'))
check.expectSlim(['dev.arkpack.it:lib-b:jar', 'commons-io:commons-io:jar', 'commons-logging:commons-logging:jar'], [], ['lib-a-1.0.0.jar', 'lib-c-1.0.0.jar', 'commons-lang3-3.12.0.jar'])
return true
