package cn.huoxian.access;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page; a failed attempt shows one message whatever the reason (unknown name,
 * wrong password, locked account), so the page does not tell who exists.
 */
@Controller
class LoginPage {

	@GetMapping("/login")
	String login() {
		return "access/login";
	}

}
